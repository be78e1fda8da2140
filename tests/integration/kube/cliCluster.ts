import { strict as assert } from "assert";
import { AppsV1Api, CoreV1Api, KubeConfig, PolicyV1Api, VersionApi } from "@kubernetes/client-node";
import { Deadline, type PhotonClient } from "../../../provider/client";
import type { LocalStack } from "../../../toolchain/engine";

/* What the CLI test of examples/kubernetes-cluster looks at besides the CLI: the cluster's own APIs. */

export interface Kube {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly policy: PolicyV1Api;
  readonly version: VersionApi;
}

export function kubeOf(kubeconfig: unknown): Kube {
  assert.equal(typeof kubeconfig, "string", "the stack has a kubeconfig output");
  const config = new KubeConfig();
  config.loadFromString(String(kubeconfig));
  return {
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    policy: config.makeApiClient(PolicyV1Api),
    version: config.makeApiClient(VersionApi),
  };
}

export async function readyReplicas(kube: Kube, name: string): Promise<number> {
  const d = await kube.apps.readNamespacedDeployment({ name, namespace: "default" });
  return d.status?.readyReplicas ?? 0;
}

/** Names of the cordoned nodes (none after any scale-down, blocked or not). */
export async function cordoned(kube: Kube): Promise<string[]> {
  return (await kube.core.listNode()).items
    .filter((n) => n.spec?.unschedulable === true)
    .map((n) => n.metadata?.name ?? "");
}

/** Waits (bounded) until the disruption controller has seen the budget's spec and allows `allowed`. */
export async function budgetAllows(kube: Kube, name: string, allowed: number): Promise<void> {
  const end = Date.now() + 60_000;
  for (;;) {
    const pdb = await kube.policy.readNamespacedPodDisruptionBudget({ name, namespace: "default" });
    const seen = pdb.status?.observedGeneration === pdb.metadata?.generation;
    if (seen && pdb.status?.disruptionsAllowed === allowed) return;
    if (Date.now() > end)
      throw new Error(`budget ${name} allows ${pdb.status?.disruptionsAllowed}, not ${allowed}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs a step of the test and prints how long it took, so the file's time can be read step by step. */
export async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    console.log(`      ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/**
 * The inputs and outputs the state holds for the resource named `name` (engine-private keys left out).
 * A refresh updates these but not the stack's outputs, which only a run of the program computes.
 */
export async function stateOf(
  stack: LocalStack,
  name: string,
): Promise<{ inputs: Record<string, unknown>; outputs: Record<string, unknown> }> {
  const state = JSON.parse(await stack.exportState()) as {
    deployment: {
      resources?: Array<{ urn: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }>;
    };
  };
  const resource = (state.deployment.resources ?? []).find((r) => r.urn.endsWith(`::${name}`));
  assert.ok(resource, `${name} is in the state`);
  const own = (props: Record<string, unknown> = {}) =>
    Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith("__")));
  return { inputs: own(resource.inputs), outputs: own(resource.outputs) };
}

interface VmOnHost {
  readonly name: string;
  readonly role: string;
  readonly hostId: string;
  readonly state: string;
}

/** The cluster's live VMs and the host each runs on. */
export async function clusterVms(api: PhotonClient, clusterId: string): Promise<VmOnHost[]> {
  const vms = await api.list<VmOnHost>(`/v1/services/${clusterId}/vms`);
  return vms.filter((vm) => vm.state !== "DELETED");
}

/** Runs a host action (fault injection `fail`, or `provision` to bring it back) to its end. */
export async function hostAction(api: PhotonClient, hostId: string, action: string): Promise<void> {
  const path = `/v1/infrastructure/hosts/${hostId}/${action}`;
  await api.run({ method: "POST", path }, Deadline.after(120_000, `${action} of host ${hostId}`));
}
