import { check, diff } from "../../../../provider/resources/tenant";
import { project } from "../../../../provider/resources/project";
import { checkTable, diffTable, NONE, replace, UNKNOWN, UPDATE } from "./helpers";

const base = { name: "acme", identity: "urn:t" };
const state = { ...base, securityGroups: [], quota: {}, quotaUsage: {} };

describe("Tenant", () => {
  checkTable(check, [
    ["minimal inputs pass", base, []],
    ["unknown name during preview passes", { ...base, name: UNKNOWN }, []],
    [
      "name must start with a letter",
      { ...base, name: "1acme" },
      [
        {
          property: "name",
          reason: 'must start with a letter and hold only letters, digits and dashes (was "1acme")',
        },
      ],
    ],
    [
      "name length",
      { ...base, name: "a".repeat(64) },
      [{ property: "name", reason: `must be 1 to 63 characters long (was "${"a".repeat(64)}")` }],
    ],
    [
      "security group shape",
      { ...base, securityGroups: ["admins"] },
      [{ property: "securityGroups[0]", reason: 'must be written domain\\group (was "admins")' }],
    ],
    [
      "quota unit",
      { ...base, quota: { "vm.cpu": { limit: 4, unit: "GB" } } },
      [{ property: 'quota["vm.cpu"].unit', reason: 'must be COUNT for vm.cpu (was "GB")' }],
    ],
    [
      "quota size unit",
      { ...base, quota: { "vm.memory": { limit: 4, unit: "COUNT" } } },
      [
        {
          property: 'quota["vm.memory"].unit',
          reason: 'must be a size unit (GB, MB, KB, B) for vm.memory (was "COUNT")',
        },
      ],
    ],
    [
      "quota limit",
      { ...base, quota: { vm: { limit: -1, unit: "COUNT" } } },
      [{ property: 'quota["vm"].limit', reason: "must be a number of at least 0 (was -1)" }],
    ],
    [
      "quota unknown unit",
      { ...base, quota: { "storage.VSAN": { limit: 1, unit: "TB" } } },
      [{ property: 'quota["storage.VSAN"].unit', reason: 'must be one of GB, MB, KB, B, COUNT (was "TB")' }],
    ],
    [
      "quota key",
      { ...base, quota: { "VM CPU": { limit: 1, unit: "COUNT" } } },
      [
        {
          property: 'quota["VM CPU"]',
          reason: 'is not a quota key such as vm.cpu or storage.VSAN (was "VM CPU")',
        },
      ],
    ],
    ["unknown quota item passes", { ...base, quota: { vm: UNKNOWN } }, []],
    [
      "typo in an input",
      { ...base, qouta: {} },
      [
        {
          property: "qouta",
          reason:
            "is not an input of this resource (inputs: name, securityGroups, quota, adoptId, adoptName, timeouts)",
        },
      ],
    ],
    [
      "timeouts",
      { ...base, timeouts: { create: "soon", destroy: "1m" } },
      [
        { property: "timeouts.create", reason: 'must be a duration such as 90s, 10m or 1h (was "soon")' },
        { property: "timeouts.destroy", reason: "is not a timeout (create, update, delete)" },
      ],
    ],
  ]);
  diffTable(diff, [
    ["untouched", state, base, NONE],
    [
      "renaming replaces (names are unique: delete first)",
      state,
      { ...base, name: "other" },
      replace("name"),
    ],
    ["unknown name replaces", state, { ...base, name: UNKNOWN }, replace("name")],
    ["quota is in place", state, { ...base, quota: { vm: { limit: 1, unit: "COUNT" } } }, UPDATE],
    ["security groups are in place", state, { ...base, securityGroups: ["photon\\devs"] }, UPDATE],
    [
      "group order is not a change",
      { ...state, securityGroups: ["a\\b", "c\\d"] },
      { ...base, securityGroups: ["c\\d", "a\\b"] },
      NONE,
    ],
    ["timeouts are recorded in place", state, { ...base, timeouts: { create: "1m" } }, UPDATE],
    ["identity alone is not a change", state, { ...base, identity: "urn:renamed" }, NONE],
  ]);
});

describe("Project", () => {
  const p = { tenantId: "t-1", name: "web", identity: "urn:p" };
  const ps = {
    ...p,
    securityGroups: [],
    quota: {},
    quotaUsage: {},
    defaultRouterPrivateIpCidr: "10.0.0.0/8",
    forceDestroy: false,
  };
  checkTable(project.check, [
    ["minimal", p, []],
    ["tenantId required", { name: "web" }, [{ property: "tenantId", reason: "is required" }]],
    ["tenantId unknown passes", { ...p, tenantId: UNKNOWN }, []],
    [
      "router range",
      { ...p, defaultRouterPrivateIpCidr: "10.0.0.1/8" },
      [
        {
          property: "defaultRouterPrivateIpCidr",
          reason: 'must have no host bits set (use 10.0.0.0/8) (was "10.0.0.1/8")',
        },
      ],
    ],
    [
      "forceDestroy type",
      { ...p, forceDestroy: "yes" },
      [{ property: "forceDestroy", reason: "must be a boolean" }],
    ],
  ]);
  diffTable(project.diff, [
    ["untouched (defaults filled)", ps, p, NONE],
    ["another tenant replaces", ps, { ...p, tenantId: "t-2" }, replace("tenantId")],
    ["rename replaces", ps, { ...p, name: "api" }, replace("name")],
    ["security groups in place", ps, { ...p, securityGroups: ["x\\y"] }, UPDATE],
    [
      "router range replaces",
      ps,
      { ...p, defaultRouterPrivateIpCidr: "172.16.0.0/12" },
      replace("defaultRouterPrivateIpCidr"),
    ],
    ["quota in place", ps, { ...p, quota: { vm: { limit: 2, unit: "COUNT" } } }, UPDATE],
    ["forceDestroy is recorded in place", ps, { ...p, forceDestroy: true }, UPDATE],
  ]);
});
