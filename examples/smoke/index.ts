import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `smoke-${inputs.label}`, outs: { label: inputs.label } };
  },
};

class Smoke extends pulumi.dynamic.Resource {
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:Smoke";
  declare readonly label: pulumi.Output<string>;
  constructor(name: string, label: string) {
    super(provider, name, { label }, undefined, "photon", "Smoke");
  }
}

const smoke = new Smoke("smoke", "hello");
export const label = smoke.label;
