import * as assert from "assert";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import * as policy from "../../../sdk/policy";

describe("sdk/policy: the ready set", () => {
  const names = policy.photonPolicies.map((p) => p.name);

  it("holds every rule once, each exported by name too", () => {
    assert.deepStrictEqual(names, [
      "photon-production-cluster-ha",
      "photon-cluster-drain-timeout",
      "photon-cluster-worker-cap",
      "photon-stack-worker-cap",
      "photon-network-admin-ports-closed",
      "photon-network-default-deny",
      "photon-storage-pool-redundancy",
      "photon-tenant-quota",
      "photon-pdb-allows-disruption",
      "photon-pdb-below-replicas",
    ]);
    const exported = new Set(Object.values(policy));
    for (const p of policy.photonPolicies) assert.ok(exported.has(p), `${p.name} is not exported by name`);
  });

  it("gives every rule a description and a level; only quota and drain timeout are advisory", () => {
    for (const p of policy.photonPolicies) assert.ok(p.description.length > 20, p.name);
    const advisory = policy.photonPolicies
      .filter((p) => p.enforcementLevel === "advisory")
      .map((p) => p.name);
    assert.deepStrictEqual(advisory.sort(), ["photon-cluster-drain-timeout", "photon-tenant-quota"]);
    for (const p of policy.photonPolicies)
      assert.ok(p.enforcementLevel === "advisory" || p.enforcementLevel === "mandatory", p.name);
  });

  it("declares a default for every config parameter (a pack without config still runs)", () => {
    for (const p of policy.photonPolicies)
      for (const [key, schema] of Object.entries<PolicyConfigJSONSchema>(p.configSchema?.properties ?? {}))
        assert.notStrictEqual(schema.default, undefined, `${p.name}.${key} has no default`);
  });
});
