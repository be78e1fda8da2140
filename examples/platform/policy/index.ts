import { PolicyPack, validateResourceOfType } from "@pulumi/policy";
import * as photon from "pulumi-photon";

new PolicyPack("photon-platform-policy", {
  policies: [
    {
      name: "network-default-deny",
      description: "Networks deny traffic that no rule allows.",
      enforcementLevel: "mandatory",
      validateResource: validateResourceOfType(photon.Network, (network, _args, reportViolation) => {
        if (network.securityPolicy?.defaultAction !== "DENY") {
          reportViolation("the network's security policy must have defaultAction DENY");
        }
      }),
    },
    {
      name: "storage-pool-redundancy",
      description: "Storage pools survive at least one host failure.",
      enforcementLevel: "mandatory",
      validateResource: validateResourceOfType(photon.StoragePool, (pool, _args, reportViolation) => {
        if ((pool.failuresToTolerate ?? 0) < 1) reportViolation("failuresToTolerate must be at least 1");
      }),
    },
  ],
});
