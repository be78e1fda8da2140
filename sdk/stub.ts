import * as pulumi from "@pulumi/pulumi";

/**
 * The serialized provider of a resource type, written by hand: one line that loads the installed
 * package inside the provider process and asks it for the type's provider object (`stub` in
 * provider/index.ts), about 90 bytes in every resource's state. Pulumi's closure serializer wrapped
 * each of the seven methods in ~190 bytes of scaffolding (2 KB per resource) and loaded the TypeScript
 * compiler into every program to do it. Nothing but the type name is written here: no credentials (they
 * come from `configure`), no provider code, so an upgrade of pulumi-photon reaches resources made by
 * older versions (decision 0501).
 */
export function stubSource(type: string): string {
  return `exports.handler = () => require("pulumi-photon/provider").stub(${JSON.stringify(type)});\n`;
}

/**
 * The base of every resource class: a dynamic resource (`pulumi-nodejs:dynamic/photon:<Type>`, run by
 * the engine's dynamic provider) whose `__provider` is `stubSource`, as `pulumi.dynamic.Resource` would
 * set it to its serialized closure.
 */
export abstract class PhotonResource extends pulumi.CustomResource {
  protected constructor(
    type: string,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions,
  ) {
    if (props["__provider"] !== undefined) throw new Error("__provider is not an input of pulumi-photon");
    super(`pulumi-nodejs:dynamic/photon:${type}`, name, { ...props, __provider: stubSource(type) }, opts);
  }
}
