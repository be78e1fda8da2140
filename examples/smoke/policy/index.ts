import { PolicyPack, validateResourceOfType } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";

// The program's resource class, as a policy sees it: policies match on the static type token.
class Smoke extends pulumi.dynamic.Resource {
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:Smoke";
  constructor(name: string, args: { label: string }) {
    super({ create: async () => ({ id: name }) }, name, args, undefined, "photon", "Smoke");
  }
}

new PolicyPack("photon-smoke-policy", {
  policies: [
    {
      name: "smoke-label-not-forbidden",
      description: "A Smoke resource's label must not be 'forbidden'.",
      enforcementLevel: "mandatory",
      validateResource: validateResourceOfType(Smoke, (smoke, _args, reportViolation) => {
        if (smoke.label === "forbidden") reportViolation("label 'forbidden' is not allowed");
      }),
    },
  ],
});
