import { newId } from "../http/replies";
import type { Cost, Flavor, Image } from "../model";
import type { Store } from "../store/db";
import { supportedKubernetesVersions } from "../../toolchain/binaries";

/**
 * Kubernetes versions offered as images: the ones the toolchain builds, so every image can really run.
 * The first is the default the KUBERNETES type is enabled with.
 */
export const KUBERNETES_VERSIONS: readonly string[] = supportedKubernetesVersions();

export function imageName(version: string): string {
  return `kubernetes-${version.replace(/\./g, "-")}`;
}

type FlavorSeed = { name: string; kind: Flavor["kind"]; cost: Cost[] };

function vmFlavor(name: string, cpu: number, memoryGb: number): FlavorSeed {
  const cost: Cost[] = [
    { key: "vm", value: 1, unit: "COUNT" },
    { key: "vm.cpu", value: cpu, unit: "COUNT" },
    { key: "vm.memory", value: memoryGb, unit: "GB" },
  ];
  return { name, kind: "vm", cost };
}

const DEFAULT_FLAVORS: FlavorSeed[] = [
  vmFlavor("cluster-master-vm", 2, 4),
  vmFlavor("cluster-other-vm", 1, 2),
  {
    name: "cluster-vm-disk",
    kind: "ephemeral-disk",
    cost: [
      { key: "ephemeral-disk", value: 1, unit: "COUNT" },
      { key: "ephemeral-disk.capacity", value: 20, unit: "GB" },
    ],
  },
  {
    name: "standard-disk",
    kind: "persistent-disk",
    cost: [{ key: "persistent-disk", value: 1, unit: "COUNT" }],
  },
];

/** First start: default flavors, one Kubernetes image per version, KUBERNETES enabled. Idempotent. */
export function seed(store: Store): void {
  store.tx(() => {
    if (store.get("system", "system")) return;
    const now = Date.now();
    for (const f of DEFAULT_FLAVORS) {
      store.put("flavor", { id: newId(), ...f, state: "READY", tags: [], createdTime: now });
    }
    const images: Image[] = KUBERNETES_VERSIONS.map((v) => ({
      id: newId(),
      name: imageName(v),
      state: "READY",
      size: 2_147_483_648,
      kubernetesVersion: v,
      tags: [],
      createdTime: now,
    }));
    for (const image of images) store.put("image", image);
    const serviceConfigs = { KUBERNETES: images[0]?.id ?? "" };
    store.put("system", { id: "system", state: "READY", serviceConfigs, createdTime: now });
  });
}
