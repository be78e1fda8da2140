export * from "./nodes";
export * from "./drain";
export * from "./budgets";
export * from "./kubeconfig";
