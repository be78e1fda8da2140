import {
  CoreV1Api,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  type V1Pod,
  Watch,
} from "@kubernetes/client-node";

/* How the tests measure an application's availability while nodes are drained and removed. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const isServing = (p: V1Pod): boolean =>
  !p.metadata?.deletionTimestamp &&
  (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");

async function podsOf(core: CoreV1Api, app: string): Promise<V1Pod[]> {
  return (await core.listNamespacedPod({ namespace: "default", labelSelector: `app=${app}` })).items;
}

/** Pods of the app that serve now: Ready and not terminating (what a Service would send traffic to). */
export async function servingPods(core: CoreV1Api, app: string): Promise<number> {
  return (await podsOf(core, app)).filter(isServing).length;
}

export async function waitServing(core: CoreV1Api, app: string, count: number): Promise<void> {
  await until(`${count} serving pods of ${app}`, async () =>
    (await podsOf(core, app)).filter(isServing).length === count ? true : undefined,
  );
}

/** Serving pods of the app per node. */
export async function servingOn(core: CoreV1Api, app: string, node: string): Promise<number> {
  return (await podsOf(core, app)).filter((p) => isServing(p) && p.spec?.nodeName === node).length;
}

export interface Availability<T> {
  readonly result: T;
  /** Serving pods after every change of one of the app's pods (a watch: no dip is missed). */
  readonly samples: number[];
  /** Times the watch ended (an API server restart, e.g. at the end of an upgrade) and was taken up again. */
  readonly reconnects: number;
}

/** A watch that ends is taken up again at most this often, each within this time. */
const MAX_RECONNECTS = 20;
const RECONNECT_MS = 90_000;

/**
 * Counts the app's serving pods after every pod event while `work` runs: a list, then a watch from its
 * resourceVersion, so a pod that stops serving for a few milliseconds is seen. When the watch ends while
 * `work` runs (the API server restarts at the end of an upgrade), the pods are listed and watched again:
 * while no API server answers no pod can change, so the new list shows every change made meanwhile.
 */
export async function sampledWhile<T>(
  kubeconfig: string,
  app: string,
  work: () => Promise<T>,
): Promise<Availability<T>> {
  const config = new KubeConfig();
  config.loadFromString(kubeconfig);
  const core = config.makeApiClient(CoreV1Api);
  const serving = new Map<string, boolean>();
  const count = () => [...serving.values()].filter(Boolean).length;
  const samples: number[] = [];
  let watching: AbortController | undefined;
  let stopped = false;
  let failed: unknown;
  let reconnects = 0;

  const follow = async (): Promise<void> => {
    const list = await core.listNamespacedPod({ namespace: "default", labelSelector: `app=${app}` });
    serving.clear();
    for (const p of list.items) serving.set(p.metadata?.name ?? "", isServing(p));
    samples.push(count());
    watching = await new Watch(config).watch(
      "/api/v1/namespaces/default/pods",
      { labelSelector: `app=${app}`, resourceVersion: list.metadata?.resourceVersion },
      (phase: string, pod: V1Pod) => {
        const name = pod.metadata?.name ?? "";
        if (phase === "DELETED") serving.delete(name);
        else serving.set(name, isServing(pod));
        samples.push(count());
      },
      (err: unknown) => {
        if (!stopped) reconnect(err);
      },
    );
  };
  const reconnect = (cause: unknown): void => {
    reconnects++;
    if (reconnects > MAX_RECONNECTS) {
      failed = cause ?? new Error("the watch ended");
      return;
    }
    until(
      `the watch of ${app}'s pods again`,
      () => (stopped ? Promise.resolve(true) : follow().then(() => true)),
      RECONNECT_MS,
    ).catch((e: unknown) => (failed = e));
  };

  await follow();
  try {
    const result = await work();
    if (failed) throw new Error(`the watch of ${app}'s pods failed: ${String(failed)}`);
    return { result, samples, reconnects };
  } finally {
    stopped = true;
    watching?.abort();
  }
}

async function setUnschedulable(core: CoreV1Api, nodes: readonly string[], value: boolean): Promise<void> {
  for (const name of nodes)
    await core.patchNode(
      { name, body: { spec: { unschedulable: value ? true : null } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
}

/**
 * Moves pods of the app onto `node` until it serves `count` of them: the other nodes are cordoned, a pod
 * elsewhere is deleted and its replacement waited for, one at a time; then the nodes are uncordoned. So
 * the node a scale-down removes really carries the application and its drain is what the test measures.
 */
export async function gatherOn(
  core: CoreV1Api,
  app: string,
  node: string,
  count: number,
  replicas: number,
): Promise<void> {
  const others = (await core.listNode()).items
    .filter((n) => n.spec?.unschedulable !== true)
    .map((n) => n.metadata?.name ?? "")
    .filter((n) => n !== node);
  await setUnschedulable(core, others, true);
  try {
    while ((await servingOn(core, app, node)) < count) {
      const elsewhere = (await podsOf(core, app)).find((p) => isServing(p) && p.spec?.nodeName !== node);
      if (!elsewhere) throw new Error(`no pod of ${app} to move to ${node}`);
      await core.deleteNamespacedPod({ name: elsewhere.metadata?.name ?? "", namespace: "default" });
      await waitServing(core, app, replicas);
    }
  } finally {
    await setUnschedulable(core, others, false);
  }
}
