import * as pulumi from "@pulumi/pulumi";

// The smallest dynamic resource with a photon type token: proves the engine, the Node.js language host
// and the dynamic provider plugin work together here.
const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `smoke-${inputs.label}`, outs: { label: inputs.label } };
  },
  async diff(_id, olds, news) {
    return { changes: olds.label !== news.label, replaces: olds.label !== news.label ? ["label"] : [] };
  },
};

class Smoke extends pulumi.dynamic.Resource {
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:Smoke";
  declare readonly label: pulumi.Output<string>;
  constructor(name: string, label: pulumi.Input<string>) {
    super(provider, name, { label }, undefined, "photon", "Smoke");
  }
}

const config = new pulumi.Config();
const smoke = new Smoke("smoke", config.get("label") ?? "hello");
export const label = smoke.label;
export const smokeId = smoke.id;
