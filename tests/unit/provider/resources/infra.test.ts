import { host } from "../../../../provider/resources/host";
import { network } from "../../../../provider/resources/network";
import { storagePool } from "../../../../provider/resources/storagePool";
import { checkTable, diffTable, NONE, replace, UNKNOWN, UPDATE } from "./helpers";

describe("Host", () => {
  const h = { address: "10.20.0.11", username: "root", password: "pw-1", identity: "urn:h" };
  const hs = {
    ...h,
    usageTags: ["CLOUD"],
    metadata: {},
    maintenance: false,
    state: "READY",
    esxVersion: "6.5",
  };
  checkTable(host.check, [
    ["minimal", h, []],
    ["a host name", { ...h, address: "esx-01.lab.local" }, []],
    [
      "required fields",
      {},
      ["address", "username", "password"].map((property) => ({ property, reason: "is required" })),
    ],
    ["unknown password passes", { ...h, password: UNKNOWN }, []],
    [
      "address shape",
      { ...h, address: "not an address" },
      [
        {
          property: "address",
          reason: 'must be an IPv4 address, an IPv6 address or a host name (was "not an address")',
        },
      ],
    ],
    [
      "usage tags",
      { ...h, usageTags: ["CLOUD", "GPU"] },
      [{ property: "usageTags[1]", reason: 'must be one of MGMT, CLOUD, IMAGE (was "GPU")' }],
    ],
    [
      "usage tags twice",
      { ...h, usageTags: ["CLOUD", "CLOUD"] },
      [{ property: "usageTags", reason: "lists CLOUD twice" }],
    ],
    [
      "empty usage tags",
      { ...h, usageTags: [] },
      [{ property: "usageTags", reason: "must be a non-empty list of MGMT, CLOUD, IMAGE" }],
    ],
    [
      "capacity metadata",
      { ...h, metadata: { cpuCount: "many" } },
      [
        {
          property: 'metadata["cpuCount"]',
          reason: 'must be a positive whole number of at most 9 digits (was "many")',
        },
      ],
    ],
  ]);
  diffTable(host.diff, [
    ["untouched", hs, h, NONE],
    ["address replaces", hs, { ...h, address: "10.20.0.12" }, replace("address")],
    ["password replaces (write-only, no API)", hs, { ...h, password: "pw-2" }, replace("password")],
    ["username replaces", hs, { ...h, username: "admin" }, replace("username")],
    ["usage tags replace", hs, { ...h, usageTags: ["MGMT"] }, replace("usageTags")],
    ["metadata replaces (capacity)", hs, { ...h, metadata: { cpuCount: "64" } }, replace("metadata")],
    ["maintenance in place", hs, { ...h, maintenance: true }, UPDATE],
    ["zone in place", hs, { ...h, availabilityZone: "z-1" }, UPDATE],
  ]);
});

describe("Network", () => {
  const n = { projectId: "p-1", name: "front", cidr: "10.10.0.0/16", identity: "urn:n" };
  const ns = { ...n, description: "", state: "READY" };
  const rule = {
    name: "web",
    direction: "INGRESS",
    action: "ALLOW",
    protocol: "TCP",
    cidrs: ["0.0.0.0/0"],
    ports: ["80", "8000-8100"],
  };
  checkTable(network.check, [
    ["minimal", n, []],
    [
      "cidr required",
      { projectId: "p-1", name: "x", identity: "urn:x" },
      [{ property: "cidr", reason: "is required" }],
    ],
    [
      "cidr host bits",
      { ...n, cidr: "10.10.0.1/16" },
      [{ property: "cidr", reason: 'must have no host bits set (use 10.10.0.0/16) (was "10.10.0.1/16")' }],
    ],
    ["policy", { ...n, securityPolicy: { defaultAction: "DENY", rules: [rule] } }, []],
    [
      "policy default action",
      { ...n, securityPolicy: { defaultAction: "DROP" } },
      [{ property: "securityPolicy.defaultAction", reason: 'must be one of ALLOW, DENY (was "DROP")' }],
    ],
    [
      "ports only for TCP/UDP",
      { ...n, securityPolicy: { defaultAction: "DENY", rules: [{ ...rule, protocol: "ICMP" }] } },
      [
        {
          property: "securityPolicy.rules[0].ports",
          reason: 'must be empty for protocol ICMP (only TCP and UDP have ports) (was ["80","8000-8100"])',
        },
      ],
    ],
    [
      "port range order",
      { ...n, securityPolicy: { defaultAction: "DENY", rules: [{ ...rule, ports: ["90-80"] }] } },
      [
        {
          property: "securityPolicy.rules[0].ports[0]",
          reason: 'must not start above its end (was "90-80")',
        },
      ],
    ],
    [
      "port bound",
      { ...n, securityPolicy: { defaultAction: "DENY", rules: [{ ...rule, ports: ["70000"] }] } },
      [{ property: "securityPolicy.rules[0].ports[0]", reason: 'must be between 1 and 65535 (was "70000")' }],
    ],
    [
      "rule names unique",
      { ...n, securityPolicy: { defaultAction: "DENY", rules: [rule, rule] } },
      [{ property: "securityPolicy.rules[1].name", reason: 'must be unique within the policy (was "web")' }],
    ],
    [
      "rule cidrs",
      { ...n, securityPolicy: { defaultAction: "DENY", rules: [{ ...rule, cidrs: [] }] } },
      [
        {
          property: "securityPolicy.rules[0].cidrs",
          reason: "must list at least one CIDR (0.0.0.0/0 for any) (was [])",
        },
      ],
    ],
    ["unknown policy passes", { ...n, securityPolicy: UNKNOWN }, []],
  ]);
  diffTable(network.diff, [
    ["untouched", ns, n, NONE],
    ["cidr replaces", ns, { ...n, cidr: "10.11.0.0/16" }, replace("cidr")],
    ["project replaces", ns, { ...n, projectId: "p-2" }, replace("projectId")],
    ["rename in place", ns, { ...n, name: "back" }, UPDATE],
    ["description in place", ns, { ...n, description: "x" }, UPDATE],
    ["policy in place", ns, { ...n, securityPolicy: { defaultAction: "DENY", rules: [] } }, UPDATE],
    [
      "an open policy equals no policy",
      { ...ns, securityPolicy: { defaultAction: "ALLOW", rules: [] } },
      n,
      NONE,
    ],
    [
      "ports default to empty",
      { ...ns, securityPolicy: { defaultAction: "DENY", rules: [{ ...rule, ports: [] }] } },
      { ...n, securityPolicy: { defaultAction: "DENY", rules: [{ ...rule, ports: undefined }] } },
      NONE,
    ],
  ]);
});

describe("StoragePool", () => {
  const s = {
    name: "vsan",
    hostIds: ["h1", "h2", "h3"],
    capacityGb: 2048,
    failuresToTolerate: 1,
    identity: "urn:s",
  };
  const ss = { ...s, forceDestroy: false, usedGb: 0, datastoreId: "d-1", state: "READY" };
  checkTable(storagePool.check, [
    ["minimal", s, []],
    [
      "too few hosts for the failures to tolerate",
      { ...s, hostIds: ["h1", "h2"] },
      [
        {
          property: "hostIds",
          reason:
            'must list at least 3 hosts to tolerate 1 failures (2 * failuresToTolerate + 1) (was ["h1","h2"])',
        },
      ],
    ],
    [
      "failures to tolerate range",
      { ...s, failuresToTolerate: 4 },
      [{ property: "failuresToTolerate", reason: "must be 0, 1, 2 or 3 (was 4)" }],
    ],
    [
      "capacity",
      { ...s, capacityGb: 0 },
      [{ property: "capacityGb", reason: "must be a whole number of GB of at least 1 (was 0)" }],
    ],
    [
      "fractional capacity",
      { ...s, capacityGb: 1.5 },
      [{ property: "capacityGb", reason: "must be a whole number of GB of at least 1 (was 1.5)" }],
    ],
    [
      "host twice",
      { ...s, hostIds: ["h1", "h1", "h2"] },
      [{ property: "hostIds", reason: "lists host h1 twice" }],
    ],
    ["unknown host ids count as hosts", { ...s, hostIds: [UNKNOWN, UNKNOWN, UNKNOWN] }, []],
    ["one host without redundancy", { ...s, hostIds: ["h1"], failuresToTolerate: undefined }, []],
  ]);
  diffTable(storagePool.diff, [
    ["untouched", ss, s, NONE],
    ["host order is not a change", ss, { ...s, hostIds: ["h3", "h2", "h1"] }, NONE],
    ["capacity in place (grow and shrink)", ss, { ...s, capacityGb: 1024 }, UPDATE],
    ["members in place", ss, { ...s, hostIds: ["h1", "h2", "h4"] }, UPDATE],
    ["failures to tolerate replaces", ss, { ...s, failuresToTolerate: 0 }, replace("failuresToTolerate")],
    ["rename replaces (no rename API)", ss, { ...s, name: "vsan2" }, replace("name")],
  ]);
});
