import * as assert from "assert";
import {
  PORT_PATTERN,
  portProblem,
  securityPolicyProblems,
  takesPorts,
  type PolicyRule,
} from "../../../rules/security-policy";

const rule = (over: Partial<PolicyRule>): PolicyRule => ({
  name: "web",
  protocol: "TCP",
  cidrs: ["0.0.0.0/0"],
  ports: [],
  ...over,
});

describe("rules/security-policy ports", () => {
  const SYNTAX = "must be a port (80) or a range (8000-8100)";
  const table: [string, string | undefined][] = [
    ["80", undefined],
    ["8000-8100", undefined],
    ["1", undefined],
    ["65535", undefined],
    ["80-80", undefined],
    ["0", "must be between 1 and 65535"],
    ["70000", "must be between 1 and 65535"],
    ["1-65536", "must be between 1 and 65535"],
    ["9-3", "must not start above its end"],
    ["90-80", "must not start above its end"],
    ["80-", SYNTAX],
    ["http", SYNTAX],
    ["", SYNTAX],
    ["123456", SYNTAX],
  ];
  for (const [port, problem] of table)
    it(`port ${JSON.stringify(port)} -> ${problem ?? "accepted"}`, () =>
      assert.strictEqual(portProblem(port), problem));

  it("the server's pattern refuses exactly the ports of the syntax problem", () => {
    const pattern = new RegExp(PORT_PATTERN, "u");
    for (const [port, problem] of table) assert.strictEqual(pattern.test(port), problem !== SYNTAX, port);
  });

  it("only TCP and UDP take ports", () => {
    assert.deepStrictEqual(["TCP", "UDP", "ICMP", "ANY"].map(takesPorts), [true, true, false, false]);
  });
});

describe("rules/security-policy whole policies", () => {
  it("every problem, in order, whole text", () => {
    const problems = securityPolicyProblems({
      rules: [
        rule({ ports: ["80", "8000-8100"] }),
        rule({ protocol: "ICMP", cidrs: ["10.0.0.1/8"], ports: ["1"] }),
        rule({ name: "bad", protocol: "UDP", cidrs: [], ports: ["9-3", "70000"] }),
        rule({ name: "1st", cidrs: ["10.0.0.0/8", "10.010.0.0/16"] }),
      ],
    });
    assert.deepStrictEqual(
      problems.map((p) => `${p.property} ${p.problem} (was ${JSON.stringify(p.value)})`),
      [
        'securityPolicy.rules[1].name must be unique within the policy (was "web")',
        'securityPolicy.rules[1].cidrs[0] must have no host bits set (use 10.0.0.0/8) (was "10.0.0.1/8")',
        'securityPolicy.rules[1].ports must be empty for protocol ICMP (only TCP and UDP have ports) (was ["1"])',
        "securityPolicy.rules[2].cidrs must list at least one CIDR (0.0.0.0/0 for any) (was [])",
        'securityPolicy.rules[2].ports[0] must not start above its end (was "9-3")',
        'securityPolicy.rules[2].ports[1] must be between 1 and 65535 (was "70000")',
        'securityPolicy.rules[3].name must start with a letter and hold only letters, digits and dashes (was "1st")',
        'securityPolicy.rules[3].cidrs[1] must be an IPv4 range in CIDR notation such as 10.0.0.0/16 (was "10.010.0.0/16")',
      ],
    );
  });

  it("a valid policy has no problem; the base names the policy's property", () => {
    assert.deepStrictEqual(securityPolicyProblems({ rules: [rule({}), rule({ name: "db" })] }), []);
    assert.deepStrictEqual(securityPolicyProblems({ rules: [rule({ ports: ["0"] })] }, "policy"), [
      { property: "policy.rules[0].ports[0]", problem: "must be between 1 and 65535", value: "0" },
    ]);
  });
});
