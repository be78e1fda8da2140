import { type Deadline } from "../client";
import { DEFAULT_STORAGE_CLASS_PROPERTY } from "../../rules/volumes";
import { clusterPath, type ObservedCluster } from "./clusterObserve";
import { type Props } from "./props";
import type { Context } from "./resourceImpl";

/** Whether the cluster's pool class is its default: the server's value (true unless "false"). */
export function liveDefaultStorageClass(ext: Readonly<Record<string, string>>): boolean {
  return ext[DEFAULT_STORAGE_CLASS_PROPERTY] !== "false";
}

/**
 * An update step: `defaultStorageClass` changes in place through the settings action (decision 0108);
 * the controller's volume provisioner then sets the class's is-default-class annotation. A cluster
 * without a pool has no class: nothing to send. Answers true when it changed the cluster.
 */
export async function defaultStorageClassStep(
  ctx: Context,
  c: ObservedCluster,
  props: Props,
  deadline: Deadline,
): Promise<boolean> {
  const wanted = props.defaultStorageClass !== false;
  if (!c.storagePoolId || wanted === liveDefaultStorageClass(c.extendedProperties)) return false;
  await ctx.client.run(
    {
      method: "POST",
      path: `${clusterPath(c.id)}/set_settings`,
      body: { defaultStorageClass: wanted },
      idempotent: true,
    },
    deadline,
  );
  return true;
}
