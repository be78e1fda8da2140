import type { Cluster, VmRole } from "../model";
import type { OperationDef } from "../tasks/operation";
import { loadCluster, patchCluster, saveCluster } from "./store";
import {
  clusterVms,
  imageVersion,
  isNode,
  nodeSpec,
  placeVms,
  releaseVms,
  setVmsStarted,
  type NewVm,
} from "./vms";

function wantedVms(c: Cluster): NewVm[] {
  const masters = Number(c.extendedProperties["number_of_masters"] ?? "1");
  const etcds = Number(c.extendedProperties["number_of_etcds"] ?? String(masters));
  const of = (role: VmRole, n: number) => Array.from({ length: n }, () => ({ role }));
  return [
    ...of("KubernetesMaster", masters),
    ...of("KubernetesEtcd", etcds),
    ...of("KubernetesWorker", c.workerCount),
  ];
}

export const createCluster: OperationDef<Record<string, never>> = {
  operation: "CREATE_CLUSTER",
  steps: () => [
    {
      name: "RESERVE_RESOURCES",
      run: ({ p, entityId }) => {
        const c = loadCluster(p, entityId);
        placeVms(p, c, wantedVms(c), { chargeQuota: true, version: imageVersion(p, c.imageId) });
      },
    },
    { name: "CREATE_VMS", run: ({ p, entityId }) => setVmsStarted(p, clusterVms(p, entityId)) },
    {
      name: "SETUP_KUBERNETES",
      async: true,
      run: async ({ p, entityId }) => {
        const c = loadCluster(p, entityId);
        const nodes = clusterVms(p, entityId)
          .filter(isNode)
          .map((vm) => nodeSpec(p, vm));
        await p.runtime.provision(entityId, imageVersion(p, c.imageId), nodes);
      },
    },
    {
      name: "FINISH",
      run: ({ p, entityId }) => {
        const c = loadCluster(p, entityId);
        const master = clusterVms(p, entityId).find((vm) => vm.role === "KubernetesMaster");
        const host = master && p.store.get("host", master.hostId);
        const ext: Record<string, string> = {
          ...c.extendedProperties,
          cluster_version: imageVersion(p, c.imageId),
        };
        if (!ext["master_ip"] && host) ext["master_ip"] = host.address;
        patchCluster(p, entityId, { state: "READY", errorReason: "", extendedProperties: ext });
      },
    },
  ],
  onError: ({ p, entityId }, error) => {
    const c = p.store.get("service", entityId);
    if (!c) return;
    releaseVms(p, clusterVms(p, entityId));
    saveCluster(p, { ...c, state: "FATAL_ERROR", errorReason: `${error.code}: ${error.message}` });
  },
};
