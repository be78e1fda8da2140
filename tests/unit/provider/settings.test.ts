import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { resolveSettings } from "../../../provider/settings";
import { planQuota } from "../../../provider/resources/quota";
import { parseDuration } from "../../../provider/resources/timeouts";
import { stubProvider } from "../../../sdk/stub";

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
  it("captures only the type name and loads the installed package at run time", async () => {
    const stub = stubProvider("Tenant");
    const sf = await pulumi.runtime.serializeFunction(() => stub, { allowSecrets: false });
    assert.ok(sf.text.includes('require("pulumi-photon/provider")'));
    assert.ok(sf.text.includes('type: "Tenant"'));
    assert.ok(
      !/axios|PhotonClient|photon:endpoint|process\.env/.test(sf.text),
      "the stub must not capture provider code or settings",
    );
    assert.ok(sf.text.length < 4000, `stub is ${sf.text.length} bytes`);
  });
});
