import * as assert from "assert";
import {
  adminExposures,
  DEFAULT_ADMIN_PORTS,
  defaultDenyProblem,
  reachesPort,
  type RuleShape,
} from "../../../sdk/policy/networks";
import { missingQuotaProblem, poolRedundancyProblem } from "../../../sdk/policy/storage";

function rule(overrides: Partial<RuleShape>): RuleShape {
  return {
    name: "r",
    direction: "INGRESS",
    action: "ALLOW",
    protocol: "TCP",
    cidrs: ["0.0.0.0/0"],
    ...overrides,
  };
}

describe("sdk/policy: networks, pools and tenants", () => {
  const ports: [Pick<RuleShape, "protocol" | "ports">, number, boolean][] = [
    [{ protocol: "TCP", ports: ["22"] }, 22, true],
    [{ protocol: "TCP", ports: ["443"] }, 22, false],
    [{ protocol: "TCP", ports: ["20-30"] }, 22, true],
    [{ protocol: "TCP", ports: ["6000-6442"] }, 6443, false],
    [{ protocol: "UDP", ports: [] }, 3389, true],
    [{ protocol: "TCP" }, 6443, true],
    [{ protocol: "ANY", ports: ["80"] }, 22, true],
    [{ protocol: "ICMP" }, 22, false],
  ];
  for (const [r, port, reached] of ports)
    it(`${r.protocol} ${JSON.stringify(r.ports)} ${reached ? "reaches" : "misses"} port ${port}`, () =>
      assert.strictEqual(reachesPort(r, port), reached));

  const exposures: [string, RuleShape[], string[]][] = [
    ["ssh from anywhere", [rule({ name: "ssh", ports: ["22"] })], ["rule ssh opens port 22 to 0.0.0.0/0"]],
    ["ssh from a private range", [rule({ ports: ["22"], cidrs: ["10.0.0.0/8"] })], []],
    ["https from anywhere", [rule({ ports: ["443"] })], []],
    ["egress to anywhere", [rule({ direction: "EGRESS", protocol: "ANY" })], []],
    ["deny from anywhere", [rule({ action: "DENY", ports: ["22"] })], []],
    ["ICMP from anywhere", [rule({ protocol: "ICMP" })], []],
    [
      "every port from anywhere, IPv4 and IPv6",
      [rule({ name: "all", protocol: "ANY", cidrs: ["0.0.0.0/0", "::/0"] })],
      [
        "rule all opens port 22 to 0.0.0.0/0",
        "rule all opens port 3389 to 0.0.0.0/0",
        "rule all opens port 6443 to 0.0.0.0/0",
        "rule all opens port 22 to ::/0",
        "rule all opens port 3389 to ::/0",
        "rule all opens port 6443 to ::/0",
      ],
    ],
    [
      "a range over the API port",
      [rule({ name: "k", ports: ["6000-7000"] })],
      ["rule k opens port 6443 to 0.0.0.0/0"],
    ],
  ];
  for (const [what, rules, found] of exposures)
    it(`admin exposures of ${what}`, () =>
      assert.deepStrictEqual(adminExposures(rules, DEFAULT_ADMIN_PORTS), found));

  it("admin exposures follow the configured ports", () =>
    assert.deepStrictEqual(adminExposures([rule({ name: "db", ports: ["5432"] })], [5432]), [
      "rule db opens port 5432 to 0.0.0.0/0",
    ]));

  const actions: [string | undefined, string | undefined][] = [
    ["DENY", undefined],
    ["ALLOW", "securityPolicy.defaultAction is ALLOW: it must be DENY"],
    [undefined, "the network has no securityPolicy: set one with defaultAction DENY"],
  ];
  for (const [action, problem] of actions)
    it(`defaultAction ${String(action)}: ${problem ?? "fine"}`, () =>
      assert.strictEqual(defaultDenyProblem(action), problem));

  const pools: [number | undefined, string | undefined][] = [
    [1, undefined],
    [3, undefined],
    [0, "failuresToTolerate is 0: the pool must survive at least one host failure"],
    [undefined, "failuresToTolerate is 0: the pool must survive at least one host failure"],
  ];
  for (const [ftt, problem] of pools)
    it(`pool with failuresToTolerate ${String(ftt)}: ${problem ?? "fine"}`, () =>
      assert.strictEqual(poolRedundancyProblem(ftt), problem));

  const quotas: [Record<string, unknown> | undefined, string[], string | undefined][] = [
    [{ "vm.cpu": {}, "vm.memory": {} }, ["vm.cpu", "vm.memory"], undefined],
    [{ "vm.cpu": {} }, [], undefined],
    [undefined, [], "the tenant has no quota: it could use the whole platform"],
    [{}, ["vm.cpu"], "the tenant has no quota: it could use the whole platform"],
    [{ "vm.cpu": {} }, ["vm.cpu", "vm.memory", "vm"], "the tenant's quota has no limit for vm.memory, vm"],
  ];
  for (const [quota, required, problem] of quotas)
    it(`quota ${JSON.stringify(quota)} requiring ${JSON.stringify(required)}: ${problem ?? "fine"}`, () =>
      assert.strictEqual(missingQuotaProblem(quota, required), problem));
});
