export * from "./errors";
export * from "./retry";
export * from "./limiter";
export * from "./auth";
export * from "./http";
export * from "./client";
export * from "./types";
