import {
  AppsV1Api,
  CoordinationV1Api,
  CoreV1Api,
  KubeConfig,
  PolicyV1Api,
  VersionApi,
} from "@kubernetes/client-node";

/** Typed Kubernetes API clients for one kubeconfig. */
export interface KubeClients {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly policy: PolicyV1Api;
  readonly coordination: CoordinationV1Api;
  readonly version: VersionApi;
}

export function kubeClients(kubeconfigYaml: string): KubeClients {
  const config = new KubeConfig();
  config.loadFromString(kubeconfigYaml);
  return {
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    policy: config.makeApiClient(PolicyV1Api),
    coordination: config.makeApiClient(CoordinationV1Api),
    version: config.makeApiClient(VersionApi),
  };
}

/** Polls `probe` until it answers a value other than undefined, or fails with `what` after the deadline. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : "";
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
}
