import { type Deadline, type Image, PhotonError } from "../client";
import { drainNodes, kubeApis, waitNodesReady } from "../kube";
import { CLUSTER_DEFAULTS, compareVersions, drainTimeoutSeconds } from "../../rules/cluster";
import {
  clusterPath,
  expectedNodes,
  liveVersion,
  type ObservedCluster,
  observeCluster,
  progressOf,
  vmNames,
} from "./clusterObserve";
import { liveSettings, settingsChange, wantedSettings } from "./clusterSettings";
import { defaultStorageClassStep } from "./clusterStorageClass";
import { waitUntil } from "./lifecycle";
import { type Props, typed } from "./props";
import type { Context } from "./resourceImpl";
import type { KubernetesClusterInputs } from "../generated/schema";

/* The in-place changes of a KubernetesCluster, in the order that keeps the application available. */

type In = KubernetesClusterInputs;

/** States in which the server runs a cluster operation: another one must wait until it ends. */
const BUSY = ["CREATING", "RESIZING", "UPGRADING", "MAINTENANCE"];

async function observed(ctx: Context, id: string): Promise<ObservedCluster> {
  const c = await observeCluster(ctx, id);
  if (!c)
    throw new PhotonError({
      code: "NotFound",
      message: `cluster ${id} was deleted while it was being updated`,
    });
  return c;
}

async function action(ctx: Context, c: ObservedCluster, name: string, deadline: Deadline, body?: Props) {
  await ctx.client.run(
    { method: "POST", path: `${clusterPath(c.id)}/${name}`, body, idempotent: true },
    deadline,
  );
}

/**
 * Not-ready nodes a refresh recorded are a change while autoRepair is on: without it the engine would
 * skip the update that repairs them (`diff` sees only inputs, and health is an output).
 */
export function repairPending(olds: Props, news: Props): boolean {
  const notReady = olds.notReadyNodes;
  return news.autoRepair !== false && Array.isArray(notReady) && notReady.length > 0;
}

/** With autoRepair, not-ready nodes are replaced by the platform's maintenance before anything else. */
async function repair(ctx: Context, c: ObservedCluster, inputs: In, deadline: Deadline): Promise<boolean> {
  if (inputs.autoRepair === false || !c.health || c.health.notReady.length === 0) return false;
  progressOf(inputs)(`repairing not-ready nodes ${c.health.notReady.join(", ")}`);
  await action(ctx, c, "trigger_maintenance", deadline);
  return true;
}

async function imageOf(ctx: Context, version: string): Promise<Image> {
  const images = await ctx.client.list<Image>("/v1/images");
  const image = images.find((i) => i.kubernetesVersion === version && i.state === "READY");
  if (image) return image;
  const known = images.map((i) => i.kubernetesVersion).filter((v) => v !== undefined);
  throw new PhotonError({
    code: "InvalidEntity",
    message: `kubernetesVersion ${version} has no image on the server (versions: ${known.join(", ")})`,
  });
}

/** The image id of the requested version, for a create; undefined for the server's default. */
export async function imageIdFor(ctx: Context, version: unknown): Promise<string | undefined> {
  return typeof version === "string" ? (await imageOf(ctx, version.replace(/^v/, ""))).id : undefined;
}

/** A newer version is a rolling upgrade (older ones are replaces: `diff`); it ends when the API server has it. */
async function upgrade(ctx: Context, c: ObservedCluster, inputs: In, deadline: Deadline): Promise<boolean> {
  const wanted = inputs.kubernetesVersion?.replace(/^v/, "");
  if (!wanted || (compareVersions(wanted, liveVersion(c)) ?? 0) <= 0) return false;
  progressOf(inputs)(`upgrading from ${liveVersion(c) ?? "?"} to ${wanted}`);
  await action(ctx, c, "change_version", deadline, { newImageId: (await imageOf(ctx, wanted)).id });
  const after = await observed(ctx, c.id);
  if (!after.kubeconfig) return true;
  const apis = kubeApis(after.kubeconfig);
  const served = async () => ({ id: c.id, state: (await apis.version.getCode()).gitVersion });
  await waitUntil(ctx, served, (v) => v?.state.replace(/^v/, "") === wanted, deadline);
  return true;
}

/**
 * Workers to remove: cordoned ones first, then the newest, as the server chooses (controller
 * clusters/resize.ts chooseVictims), so the nodes drained are the nodes removed.
 */
export function chooseVictims(
  workers: readonly string[],
  cordoned: readonly string[],
  count: number,
): string[] {
  const newestFirst = [...workers].reverse();
  const ordered = [
    ...newestFirst.filter((w) => cordoned.includes(w)),
    ...newestFirst.filter((w) => !cordoned.includes(w)),
  ];
  return ordered.slice(0, Math.max(0, count));
}

/** Shrinking drains the chosen workers first (budgets respected); a failed drain leaves the size alone. */
async function scale(ctx: Context, c: ObservedCluster, inputs: In, deadline: Deadline): Promise<boolean> {
  if (inputs.workerCount === c.workerCount) return false;
  const progress = progressOf(inputs);
  if (inputs.workerCount < c.workerCount && c.kubeconfig) {
    const workers = vmNames(c, "KubernetesWorker");
    const nodes = chooseVictims(workers, c.health?.unschedulable ?? [], c.workerCount - inputs.workerCount);
    const timeoutText = inputs.drainTimeout ?? "10m";
    const seconds = drainTimeoutSeconds(timeoutText) ?? CLUSTER_DEFAULTS.drainTimeoutSeconds;
    const timeoutMs = Math.min(seconds * 1000, deadline.remainingMs());
    await drainNodes(kubeApis(c.kubeconfig), { nodes, timeoutMs, timeoutText, progress });
  }
  progress(`resizing from ${c.workerCount} to ${inputs.workerCount} workers`);
  await action(ctx, c, "resize", deadline, { newWorkerCount: inputs.workerCount });
  return true;
}

async function whenSettled(ctx: Context, id: string, deadline: Deadline): Promise<ObservedCluster> {
  const settled = await waitUntil(
    ctx,
    () => observeCluster(ctx, id),
    (c) => !BUSY.includes(c?.state ?? ""),
    deadline,
  );
  return settled ?? observed(ctx, id);
}

/** Surge, unavailability and drain timeout first: the server's upgrades and drains after read them. */
async function settings(
  ctx: Context,
  c: ObservedCluster,
  props: Props,
  deadline: Deadline,
): Promise<boolean> {
  const change = settingsChange(wantedSettings(props), liveSettings(c.extendedProperties));
  if (change === undefined) return false;
  const { maxSurge, maxUnavailable, drainTimeout } = change;
  progressOf(props)(
    `settings: maxSurge ${maxSurge}, maxUnavailable ${maxUnavailable}, drain ${drainTimeout}`,
  );
  await action(ctx, c, "set_settings", deadline, change);
  return true;
}

type Step = (ctx: Context, c: ObservedCluster, props: Props, deadline: Deadline) => Promise<boolean>;

/** Answer true when they changed the cluster (the next step then takes a fresh look at it). */
const STEPS: readonly Step[] = [
  settings,
  defaultStorageClassStep,
  (ctx, c, props, deadline) => repair(ctx, c, typed<In>(props), deadline),
  (ctx, c, props, deadline) => upgrade(ctx, c, typed<In>(props), deadline),
  (ctx, c, props, deadline) => scale(ctx, c, typed<In>(props), deadline),
];

/**
 * Settings, repair, upgrade, then scale, each on a fresh look at the cluster after a step that changed
 * it (a create or an update with nothing to do looks once: each look is several requests); then every
 * expected node must be Ready through the Kubernetes API (a cluster without one, on a VM-only controller,
 * ends at the task).
 */
export async function convergeCluster(
  ctx: Context,
  c: ObservedCluster,
  props: Props,
  deadline: Deadline,
): Promise<void> {
  const first = await whenSettled(ctx, c.id, deadline);
  let now = first;
  for (const step of STEPS)
    if (await step(ctx, now, props, deadline)) now = await whenSettled(ctx, c.id, deadline);
  if (!now.kubeconfig) return;
  // Without autoRepair, nodes already not Ready are only reported (waiting for them ends at the deadline).
  const reported = typed<In>(props).autoRepair === false ? (first.health?.notReady ?? []) : [];
  const expected = expectedNodes(now).filter((n) => !reported.includes(n));
  await waitNodesReady(kubeApis(now.kubeconfig), expected, deadline, progressOf(props));
}
