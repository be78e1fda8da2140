import { strict as assert } from "assert";
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  StorageV1Api,
  type V1PersistentVolumeClaim,
  type V1StatefulSet,
} from "@kubernetes/client-node";
import { waitFor } from "../../../controller/kube/client";
import { type Api, type Json, items } from "../../controller/helpers";

/* What the volume tests share: Kubernetes clients, the objects they make, and a controller child process. */

export interface VolumeKube {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly storage: StorageV1Api;
}

export function volumeKube(kubeconfig: string): VolumeKube {
  const config = new KubeConfig();
  config.loadFromString(kubeconfig);
  return {
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    storage: config.makeApiClient(StorageV1Api),
  };
}

/** A claim of `size` with no class named: the cluster's default class (its pool's) is taken. */
export function claim(name: string, size: string, storageClassName?: string): V1PersistentVolumeClaim {
  return {
    metadata: { name },
    spec: {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: size } },
      ...(storageClassName && { storageClassName }),
    },
  };
}

/** `replicas` pods, each with its own claim `data-<name>-<i>` of `size` from the default class. */
export function statefulSet(name: string, replicas: number, size: string): V1StatefulSet {
  return {
    metadata: { name },
    spec: {
      serviceName: name,
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            { name: "db", image: "postgres", volumeMounts: [{ name: "data", mountPath: "/var/lib/data" }] },
          ],
        },
      },
      volumeClaimTemplates: [claim("data", size)],
    },
  };
}

export async function claimPhases(core: CoreV1Api, names: readonly string[]): Promise<Map<string, string>> {
  const all = (await core.listNamespacedPersistentVolumeClaim({ namespace: "default" })).items;
  const byName = new Map(all.map((c) => [c.metadata?.name ?? "", c.status?.phase ?? ""]));
  return new Map(names.map((n) => [n, byName.get(n) ?? "absent"]));
}

export async function waitBound(core: CoreV1Api, names: readonly string[], ms = 120_000): Promise<void> {
  await waitFor(
    `claims ${names.join(", ")} Bound`,
    async () =>
      [...(await claimPhases(core, names)).values()].every((p) => p === "Bound") ? true : undefined,
    ms,
  );
}

/** "reason: message" of the events on a claim, oldest first. */
export async function claimEvents(core: CoreV1Api, name: string): Promise<string[]> {
  const events = await core.listNamespacedEvent({
    namespace: "default",
    fieldSelector: `involvedObject.kind=PersistentVolumeClaim,involvedObject.name=${name}`,
  });
  return events.items.map((e) => `${e.reason ?? ""}: ${e.message ?? ""}`);
}

export async function disksOf(api: Api, projectId: string): Promise<Json[]> {
  return items(await api.get(`/v1/projects/${projectId}/disks`));
}

export async function poolUsedGb(admin: Api, poolId: string): Promise<number> {
  return Number((await admin.get(`/v1/infrastructure/storage-pools/${poolId}`)).body["usedGb"]);
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Runs a write and waits (up to `ms`) for its task to complete; answers the entity id. */
export async function doneWithin(api: Api, answer: Promise<{ status: number; body: Json }>, ms: number) {
  const task = await api.task((await answer) as Parameters<Api["task"]>[0], ms);
  assert.equal(task["state"], "COMPLETED", JSON.stringify(task["steps"]));
  return String((task["entity"] as Json)["id"]);
}
