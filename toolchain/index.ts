export * from "./paths";
export * from "./binaries";
export * from "./engine";
