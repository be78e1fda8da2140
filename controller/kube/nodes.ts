import { type V1Node } from "@kubernetes/client-node";
import { KWOK_NODE_ANNOTATION, KWOK_NODE_ANNOTATION_VALUE } from "./kwok";

export const LABEL_PHOTON_HOST = "photon.vmware.com/host";
export const LABEL_PHOTON_VM = "photon.vmware.com/vm";
export const LABEL_ZONE = "topology.kubernetes.io/zone";

export interface NodeShape {
  readonly name: string;
  readonly role: "master" | "worker";
  readonly hostId: string;
  readonly vmId: string;
  readonly zone: string;
  readonly cpu: number;
  readonly memoryMb: number;
  readonly kubeletVersion: string;
}

/** The Node object of one cluster VM: named after the VM, labelled with its host and zone, kwok-managed. */
export function nodeObject(shape: NodeShape): V1Node {
  const roleLabel =
    shape.role === "master" ? "node-role.kubernetes.io/control-plane" : "node-role.kubernetes.io/worker";
  const resources = { cpu: String(shape.cpu), memory: `${shape.memoryMb}Mi`, pods: "110" };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: shape.name,
      annotations: { [KWOK_NODE_ANNOTATION]: KWOK_NODE_ANNOTATION_VALUE },
      labels: {
        "kubernetes.io/hostname": shape.name,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        [roleLabel]: "",
        [LABEL_PHOTON_HOST]: shape.hostId,
        [LABEL_PHOTON_VM]: shape.vmId,
        [LABEL_ZONE]: shape.zone,
        type: "kwok",
      },
    },
    spec:
      shape.role === "master"
        ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }
        : {},
    status: {
      capacity: resources,
      allocatable: resources,
      nodeInfo: {
        architecture: "amd64",
        bootID: "",
        containerRuntimeVersion: "kwok",
        kernelVersion: "",
        kubeProxyVersion: "",
        kubeletVersion: `v${shape.kubeletVersion}`,
        machineID: "",
        operatingSystem: "linux",
        osImage: "Photon OS (kwok)",
        systemUUID: shape.vmId,
      },
    },
  };
}
