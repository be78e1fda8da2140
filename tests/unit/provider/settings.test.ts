import * as assert from "assert";
import { resolveSettings } from "../../../provider/settings";
import { planQuota } from "../../../provider/resources/quota";
import { parseDuration } from "../../../provider/resources/timeouts";
import { stubSource } from "../../../sdk/stub";
import { call } from "../../../provider";
import type * as dynamic from "@pulumi/pulumi/dynamic";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });

describe("provider settings", () => {
  it("stack configuration wins over the environment", () => {
    const r = resolveSettings(config({ "photon:endpoint": "http://a:1", "photon:token": "t" }), {
      PHOTON_ENDPOINT: "http://b:2",
    });
    assert.deepStrictEqual(r, {
      settings: { endpoint: "http://a:1", token: "t", caCert: undefined, insecure: false },
    });
  });

  it("falls back to PHOTON_* variables", () => {
    const r = resolveSettings(config({}), {
      PHOTON_ENDPOINT: "https://b",
      PHOTON_USERNAME: "u",
      PHOTON_PASSWORD: "p",
      PHOTON_INSECURE: "true",
    });
    assert.deepStrictEqual(r, {
      settings: { endpoint: "https://b", username: "u", password: "p", caCert: undefined, insecure: true },
    });
  });

  const problems: Array<[Record<string, string>, string]> = [
    [{}, "photon:endpoint is not set: run `pulumi config set photon:endpoint <url>` or set PHOTON_ENDPOINT"],
    [{ "photon:endpoint": "ftp://x" }, "photon:endpoint must be an http(s) URL (was ftp://x)"],
    [
      { "photon:endpoint": "http://x", "photon:username": "u" },
      "photon:username and photon:password must be set together (or set photon:token)",
    ],
    [
      { "photon:endpoint": "http://x", "photon:insecure": "yes" },
      "photon:insecure must be true or false (was yes)",
    ],
  ];
  for (const [values, problem] of problems) {
    it(problem, () => assert.deepStrictEqual(resolveSettings(config(values), {}), { problem }));
  }
});

describe("quota plans", () => {
  const item = (limit: number) => ({ limit, unit: "COUNT" as const });
  it("nothing to do", () =>
    assert.deepStrictEqual(planQuota({ vm: item(1) }, { vm: item(1) }), { kind: "none" }));
  it("changed and added keys merge", () =>
    assert.deepStrictEqual(
      planQuota({ vm: item(1), "vm.cpu": item(2) }, { vm: item(1), "vm.cpu": item(3), "vm.cost": item(4) }),
      { kind: "patch", quotaItems: { "vm.cpu": item(3), "vm.cost": item(4) } },
    ));
  it("a removed key replaces the whole quota", () =>
    assert.deepStrictEqual(planQuota({ vm: item(1), "vm.cpu": item(2) }, { vm: item(1) }), {
      kind: "put",
      quotaItems: { vm: item(1) },
    }));
});

describe("durations", () => {
  const table: Array<[string, number | undefined]> = [
    ["90s", 90_000],
    ["10m", 600_000],
    ["1h30m", 5_400_000],
    ["500ms", 500],
    ["10", undefined],
    ["", undefined],
    ["0s", undefined],
  ];
  for (const [text, ms] of table)
    it(`${JSON.stringify(text)} -> ${ms}`, () => assert.strictEqual(parseDuration(text), ms));
});

describe("serialized stub", () => {
  it("is one line that names only the type and asks the installed package for the provider", () => {
    const text = stubSource("Tenant");
    assert.strictEqual(text, 'exports.handler = () => require("pulumi-photon/provider").stub("Tenant");\n');
    assert.ok(text.length < 100, `stub is ${text.length} bytes`);
  });

  it("the deserialized stub runs the installed package's handlers", async () => {
    const module = { exports: {} as { handler?: () => dynamic.ResourceProvider } };
    new Function("exports", "module", "require", stubSource("Tenant"))(module.exports, module, require);
    const provider = module.exports.handler?.();
    for (const m of ["configure", "check", "diff", "create", "read", "update", "delete"] as const)
      assert.strictEqual(typeof provider?.[m], "function", `${m} is provided`);
    const answer = await provider?.check?.({}, { name: "1bad", identity: "urn:t" });
    assert.deepStrictEqual(answer?.failures, [
      {
        property: "name",
        reason: 'must start with a letter and hold only letters, digits and dashes (was "1bad")',
      },
    ]);
  });

  it("an unknown method or type asks for an upgrade", async () => {
    await assert.rejects(call("Tenant", "invoke", []), /no provider method invoke: upgrade/);
    await assert.rejects(call("Cluster", "check", [{}, {}]), /no resource type Cluster: upgrade/);
  });
});
