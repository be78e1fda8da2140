import * as assert from "assert";
import { REGISTRY } from "../../../../provider/registry";
import type { Failure } from "../../../../provider/resources/failures";
import { forgetClaims } from "../../../../provider/resources/network";
import { checkTable } from "./helpers";

/**
 * `null` is a value, not an absence: schema.json allows it nowhere, so check refuses it by name, at the
 * top level and nested, instead of taking it for "unset" (and filling a default) or coercing it.
 */
const NOT_NULL = "must not be null (leave the property out instead)";
const REQUIRED = "is required (null is not a value)";
const refused = (property: string, reason = NOT_NULL): Failure[] => [{ property, reason }];

const tenant = { name: "acme", identity: "urn:t" };
const project = { tenantId: "t-1", name: "web", identity: "urn:p" };
const host = { address: "10.20.0.11", username: "root", password: "pw-1", identity: "urn:h" };
const network = { projectId: "p-null", name: "front", cidr: "10.10.0.0/16", identity: "urn:n" };
const pool = { name: "vsan", hostIds: ["h1", "h2", "h3"], capacityGb: 10, identity: "urn:s" };
const rule = { name: "web", direction: "INGRESS", action: "ALLOW", protocol: "TCP", cidrs: ["0.0.0.0/0"] };
const policy = (r: Record<string, unknown>) => ({ defaultAction: "DENY", rules: [{ ...rule, ...r }] });

describe("check refuses null", () => {
  describe("Tenant", () => {
    checkTable(REGISTRY.Tenant.check, [
      ["name", { ...tenant, name: null }, refused("name")],
      [
        "securityGroups (not taken for the default [])",
        { ...tenant, securityGroups: null },
        refused("securityGroups"),
      ],
      ["quota (not taken for the default {})", { ...tenant, quota: null }, refused("quota")],
      ["adoptId", { ...tenant, adoptId: null }, refused("adoptId")],
      ["adoptName", { ...tenant, adoptName: null }, refused("adoptName")],
      ["timeouts", { ...tenant, timeouts: null }, refused("timeouts")],
      ["identity", { ...tenant, identity: null }, refused("identity")],
      [
        "a group",
        { ...tenant, securityGroups: ["a\\b", null] },
        refused("securityGroups[1]", "must be a string"),
      ],
      [
        "a quota item",
        { ...tenant, quota: { vm: null } },
        refused('quota["vm"]', "must be an object with limit and unit"),
      ],
      [
        "a quota limit",
        { ...tenant, quota: { vm: { limit: null, unit: "COUNT" } } },
        refused('quota["vm"].limit', "must be a number of at least 0 (was null)"),
      ],
      [
        "a quota unit",
        { ...tenant, quota: { vm: { limit: 1, unit: null } } },
        refused('quota["vm"].unit', "must be one of GB, MB, KB, B, COUNT (was null)"),
      ],
      [
        "a timeout",
        { ...tenant, timeouts: { create: null } },
        refused("timeouts.create", "must be a duration such as 90s, 10m or 1h (was null)"),
      ],
      ["left out, the same inputs pass", tenant, []],
    ]);
  });

  describe("Project", () => {
    checkTable(REGISTRY.Project.check, [
      ["tenantId (required)", { ...project, tenantId: null }, refused("tenantId", REQUIRED)],
      [
        "defaultRouterPrivateIpCidr",
        { ...project, defaultRouterPrivateIpCidr: null },
        refused("defaultRouterPrivateIpCidr"),
      ],
      ["forceDestroy (not taken for false)", { ...project, forceDestroy: null }, refused("forceDestroy")],
    ]);
  });

  describe("Host", () => {
    checkTable(REGISTRY.Host.check, [
      ["password (required)", { ...host, password: null }, refused("password", REQUIRED)],
      ["usageTags", { ...host, usageTags: null }, refused("usageTags")],
      ["availabilityZone", { ...host, availabilityZone: null }, refused("availabilityZone")],
      ["maintenance", { ...host, maintenance: null }, refused("maintenance")],
      ["metadata", { ...host, metadata: null }, refused("metadata")],
      [
        "a usage tag",
        { ...host, usageTags: ["CLOUD", null] },
        refused("usageTags[1]", "must be one of MGMT, CLOUD, IMAGE (was null)"),
      ],
      [
        "a metadata value",
        { ...host, metadata: { cpuCount: null } },
        refused('metadata["cpuCount"]', "must be a string"),
      ],
    ]);
  });

  describe("Network", () => {
    beforeEach(forgetClaims);
    after(forgetClaims);
    checkTable(REGISTRY.Network.check, [
      ["cidr (required)", { ...network, cidr: null }, refused("cidr", REQUIRED)],
      [
        'description (not taken for the default "")',
        { ...network, description: null },
        refused("description"),
      ],
      [
        "securityPolicy (not taken for an open policy)",
        { ...network, securityPolicy: null },
        refused("securityPolicy"),
      ],
      [
        "the default action",
        { ...network, securityPolicy: { defaultAction: null } },
        refused("securityPolicy.defaultAction", "must be one of ALLOW, DENY (was null)"),
      ],
      [
        "the rules",
        { ...network, securityPolicy: { defaultAction: "DENY", rules: null } },
        refused("securityPolicy.rules", "must be a list of rules"),
      ],
      [
        "a rule",
        { ...network, securityPolicy: { defaultAction: "DENY", rules: [null] } },
        refused("securityPolicy.rules[0]", "must be a rule object"),
      ],
      [
        "a rule's ports (not taken for every port)",
        { ...network, securityPolicy: policy({ ports: null }) },
        refused("securityPolicy.rules[0].ports", "must be a list of ports"),
      ],
      [
        "a port",
        { ...network, securityPolicy: policy({ ports: ["80", null] }) },
        refused("securityPolicy.rules[0].ports[1]", "must be a string (was null)"),
      ],
      [
        "a rule's CIDR",
        { ...network, securityPolicy: policy({ cidrs: [null] }) },
        refused("securityPolicy.rules[0].cidrs[0]", "must be a string in CIDR notation"),
      ],
      [
        "a rule's name",
        { ...network, securityPolicy: policy({ name: null }) },
        refused("securityPolicy.rules[0].name", "must be a string"),
      ],
    ]);
  });

  describe("StoragePool", () => {
    checkTable(REGISTRY.StoragePool.check, [
      ["capacityGb (required)", { ...pool, capacityGb: null }, refused("capacityGb", REQUIRED)],
      ["hostIds (required)", { ...pool, hostIds: null }, refused("hostIds", REQUIRED)],
      [
        "failuresToTolerate (not taken for the default 0)",
        { ...pool, failuresToTolerate: null },
        refused("failuresToTolerate"),
      ],
      ["forceDestroy", { ...pool, forceDestroy: null }, refused("forceDestroy")],
      ["a host id", { ...pool, hostIds: ["h1", null, "h3"] }, refused("hostIds[1]", "must be a string")],
    ]);
  });

  it("a null input is answered once, not also by the property's own rules", () => {
    const failures = REGISTRY.StoragePool.check(
      {},
      { ...pool, failuresToTolerate: null, capacityGb: null },
    ).failures;
    assert.deepStrictEqual(failures, [
      { property: "capacityGb", reason: REQUIRED },
      { property: "failuresToTolerate", reason: NOT_NULL },
    ]);
  });

  it("a left-out input still gets its default", () => {
    assert.strictEqual(REGISTRY.StoragePool.check({}, pool).inputs?.failuresToTolerate, 0);
  });
});
