import * as assert from "assert";
import { REGISTRY } from "../../../../provider/registry";
import { type Props, UNKNOWN } from "../../../../provider/resources/props";
import { forgetClaims } from "../../../../provider/resources/network";
import { checkTable } from "./helpers";

/**
 * What the fuzz test of check (tests/unit/provider/check-fuzz) found, one case per kind, kept as table
 * tests with the whole answer asserted. Each comment says what check did before.
 */
function nested(levels: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}
const DEEP = nested(100_000, "x");
const BIG = "a".repeat(1 << 20);
/** An object String() cannot convert: it has no toString. */
const BARE = Object.create(null) as Props;
const own = (key: string, value: unknown): Props =>
  Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true }) as Props;

const tenant = { name: "acme", identity: "urn:t" };
const host = { address: "10.20.0.11", username: "root", password: "pw-1", identity: "urn:h" };
const network = { projectId: "p-findings", name: "front", cidr: "10.10.0.0/16", identity: "urn:n" };
const pool = { name: "vsan", hostIds: ["h1"], capacityGb: 10, identity: "urn:s" };
const rule = { name: "web", direction: "INGRESS", action: "ALLOW", protocol: "TCP", cidrs: ["0.0.0.0/0"] };
const inputs = (names: string) => `is not an input of this resource (inputs: ${names})`;
const TENANT_INPUTS = inputs("name, securityGroups, quota, adoptId, adoptName, timeouts");

describe("check: what the fuzz test found", () => {
  describe("crashes (check threw)", () => {
    checkTable(REGISTRY.Tenant.check, [
      // RangeError: Maximum call stack size exceeded (JSON.stringify of the value in the reason).
      [
        "a timeout nested 100,000 deep",
        { ...tenant, timeouts: { create: DEEP } },
        [
          {
            property: "timeouts.create",
            reason: "must be a duration such as 90s, 10m or 1h (was a list of 1)",
          },
        ],
      ],
      [
        "a group nested 100,000 deep",
        { ...tenant, securityGroups: [DEEP] },
        [{ property: "securityGroups[0]", reason: "must be a string" }],
      ],
    ]);
    checkTable(REGISTRY.Host.check, [
      // TypeError: Cannot convert object to primitive value (String() of the duplicate).
      [
        "the same object without prototype twice in usageTags",
        { ...host, usageTags: [BARE, BARE] },
        [
          { property: "usageTags[0]", reason: "must be one of MGMT, CLOUD, IMAGE (was an object)" },
          { property: "usageTags[1]", reason: "must be one of MGMT, CLOUD, IMAGE (was an object)" },
          { property: "usageTags", reason: "lists an object twice" },
        ],
      ],
    ]);
    describe("Network", () => {
      beforeEach(forgetClaims);
      after(forgetClaims);
      checkTable(REGISTRY.Network.check, [
        // TypeError: Cannot convert object to primitive value (String() of the protocol).
        [
          "a protocol with a toString that is not a function, and ports",
          {
            ...network,
            securityPolicy: {
              defaultAction: "DENY",
              rules: [{ ...rule, protocol: { toString: 1 }, ports: ["80"] }],
            },
          },
          [
            // The ports are not refused for a protocol that is no protocol: its own failure says it all.
            {
              property: "securityPolicy.rules[0].protocol",
              reason: "must be one of TCP, UDP, ICMP, ANY (was an object)",
            },
          ],
        ],
      ]);
    });
  });

  describe("failures without a usable property path", () => {
    checkTable(REGISTRY.Tenant.check, [
      // property "" (no name at all).
      [
        "an input named with the empty string",
        { ...tenant, "": 1 },
        [{ property: '[""]', reason: TENANT_INPUTS }],
      ],
      // property "a.b", read back as a.b (a field b of an input a).
      ["an input name with a dot", { ...tenant, "a.b": 1 }, [{ property: '["a.b"]', reason: TENANT_INPUTS }]],
      // property timeouts.x[0], read back as item 0 of timeouts.x.
      [
        "a timeout name with brackets",
        { ...tenant, timeouts: { "x[0]": "1m" } },
        [{ property: 'timeouts["x[0]"]', reason: "is not a timeout (create, update, delete)" }],
      ],
      // property quota["<NUL>"] with the raw control character inside the quotes.
      [
        "a quota key with NUL",
        { ...tenant, quota: { "\u0000": { limit: 1, unit: "COUNT" } } },
        [
          {
            property: 'quota["\\u0000"]',
            reason: 'is not a quota key such as vm.cpu or storage.VSAN (was "\\u0000")',
          },
        ],
      ],
      // property quota["vm"].limit for a quota item that is a list (no such field exists).
      [
        "a list where a quota item belongs",
        { ...tenant, quota: { vm: [1] } },
        [{ property: 'quota["vm"]', reason: "must be an object with limit and unit" }],
      ],
      [
        "an own __proto__ input (as JSON.parse makes it)",
        { ...tenant, ...own("__proto__", 1) },
        [{ property: "__proto__", reason: TENANT_INPUTS }],
      ],
    ]);
    checkTable(REGISTRY.Host.check, [
      // property metadata.x[0].
      [
        "a metadata key with brackets",
        { ...host, metadata: { "x[0]": 1 } },
        [{ property: 'metadata["x[0]"]', reason: "must be a string" }],
      ],
    ]);
    describe("Network", () => {
      beforeEach(forgetClaims);
      after(forgetClaims);
      checkTable(REGISTRY.Network.check, [
        // property securityPolicy.defaultAction for a policy that is a list.
        [
          "a list where the policy belongs",
          { ...network, securityPolicy: ["DENY"] },
          [{ property: "securityPolicy", reason: "must be an object with defaultAction and rules" }],
        ],
        // five failures (rules[0].name, .direction, ...) for fields of a rule that is a list.
        [
          "a list where a rule belongs",
          { ...network, securityPolicy: { defaultAction: "DENY", rules: [[]] } },
          [{ property: "securityPolicy.rules[0]", reason: "must be a rule object" }],
        ],
      ]);
    });
  });

  describe("reasons that copied a huge value whole", () => {
    const cut = `"${"a".repeat(64)}"... (1048576 characters)`;
    checkTable(REGISTRY.Host.check, [
      [
        "a 1 MB address",
        { ...host, address: BIG },
        [
          {
            property: "address",
            reason: `must be an IPv4 address, an IPv6 address or a host name (was ${cut})`,
          },
        ],
      ],
      [
        "a NUL in an address is escaped",
        { ...host, address: "a\u0000b" },
        [
          {
            property: "address",
            reason: 'must be an IPv4 address, an IPv6 address or a host name (was "a\\u0000b")',
          },
        ],
      ],
    ]);
    checkTable(REGISTRY.Tenant.check, [
      [
        "a 1 MB timeout",
        { ...tenant, timeouts: { create: BIG } },
        [{ property: "timeouts.create", reason: `must be a duration such as 90s, 10m or 1h (was ${cut})` }],
      ],
    ]);
  });

  describe("accepted, but not of the schema's type", () => {
    checkTable(REGISTRY.Tenant.check, [
      [
        "an identity that is not a string",
        { ...tenant, identity: true },
        [{ property: "identity", reason: "must be a string" }],
      ],
      // The stray field went on to the server in the quota body.
      [
        "a stray field in a quota item",
        { ...tenant, quota: { vm: { limit: 1, unit: "COUNT", x: 1 } } },
        [{ property: 'quota["vm"].x', reason: "is not a field of a quota item (limit, unit)" }],
      ],
    ]);
    checkTable(REGISTRY.StoragePool.check, [
      [
        "a capacity beyond 2^53 (not exact)",
        { ...pool, capacityGb: 2 ** 53 },
        [
          {
            property: "capacityGb",
            reason: "must be a whole number of GB of at least 1 (was 9007199254740992)",
          },
        ],
      ],
    ]);
    describe("Network", () => {
      beforeEach(forgetClaims);
      after(forgetClaims);
      checkTable(REGISTRY.Network.check, [
        [
          "a stray field in the policy",
          { ...network, securityPolicy: { defaultAction: "DENY", rule: [] } },
          [
            {
              property: "securityPolicy.rule",
              reason: "is not a field of a security policy (defaultAction, rules)",
            },
          ],
        ],
        [
          "a stray field in a rule",
          { ...network, securityPolicy: { defaultAction: "DENY", rules: [{ ...rule, port: ["80"] }] } },
          [
            {
              property: "securityPolicy.rules[0].port",
              reason: "is not a field of a security rule (name, direction, action, protocol, cidrs, ports)",
            },
          ],
        ],
        // ports that were not a list were taken for "every port".
        [
          "ports that are not a list",
          { ...network, securityPolicy: { defaultAction: "DENY", rules: [{ ...rule, ports: "80" }] } },
          [{ property: "securityPolicy.rules[0].ports", reason: "must be a list of ports" }],
        ],
      ]);
    });
  });

  describe("preview: unknown values", () => {
    // "lists 04da6b54-... twice": two tags not known yet counted as the same tag.
    checkTable(REGISTRY.Host.check, [
      ["two unknown usage tags", { ...host, usageTags: [UNKNOWN, UNKNOWN] }, []],
    ]);
  });

  // "(was null)" (JSON.stringify(NaN)) and "lists NaN twice" (indexOf never finds NaN).
  it("one NaN is shown as NaN and is not a duplicate of itself", () => {
    const failures = REGISTRY.Host.check({}, { ...host, usageTags: [NaN] }).failures;
    assert.deepStrictEqual(failures, [
      { property: "usageTags[0]", reason: "must be one of MGMT, CLOUD, IMAGE (was NaN)" },
    ]);
  });
});
