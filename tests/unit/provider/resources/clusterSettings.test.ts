import * as assert from "assert";
import {
  liveSettings,
  settingsChange,
  settingsOutputs,
  settingsProperties,
  wantedSettings,
} from "../../../../provider/resources/clusterSettings";

describe("KubernetesCluster settings (surge, unavailability, drain timeout)", () => {
  const defaults = { maxSurge: 1, maxUnavailable: 0, drainTimeoutSeconds: 600 };

  const wanted: [string, Record<string, unknown>, typeof defaults][] = [
    ["nothing set: the defaults", {}, defaults],
    [
      "all set",
      { maxSurge: 0, maxUnavailable: 2, drainTimeout: "90s" },
      { ...defaults, maxSurge: 0, maxUnavailable: 2, drainTimeoutSeconds: 90 },
    ],
    ["a drain timeout of zero", { drainTimeout: "0s" }, { ...defaults, drainTimeoutSeconds: 0 }],
  ];
  for (const [what, inputs, settings] of wanted)
    it(`inputs, ${what}`, () => assert.deepStrictEqual(wantedSettings(inputs), settings));

  const live: [string, Record<string, string>, typeof defaults][] = [
    ["a cluster made before the settings: the server's defaults", { number_of_masters: "1" }, defaults],
    [
      "all kept",
      { max_surge: "3", max_unavailable: "1", drain_timeout_seconds: "30" },
      { maxSurge: 3, maxUnavailable: 1, drainTimeoutSeconds: 30 },
    ],
    ["an unreadable value: its default", { max_surge: "x", drain_timeout_seconds: "-5" }, defaults],
  ];
  for (const [what, ext, settings] of live)
    it(`server, ${what}`, () => assert.deepStrictEqual(liveSettings(ext), settings));

  it("the create sends all three as extendedProperties", () =>
    assert.deepStrictEqual(settingsProperties({ maxSurge: 2, maxUnavailable: 0, drainTimeoutSeconds: 90 }), {
      max_surge: "2",
      max_unavailable: "0",
      drain_timeout_seconds: "90",
    }));

  it("no change when the server has what the inputs ask", () =>
    assert.strictEqual(settingsChange(defaults, { ...defaults }), undefined));

  it("any difference sends all three, the drain timeout in seconds", () =>
    assert.deepStrictEqual(settingsChange({ ...defaults, drainTimeoutSeconds: 60 }, defaults), {
      maxSurge: 1,
      maxUnavailable: 0,
      drainTimeout: "60s",
    }));

  const outputs: [string, Record<string, string>, Record<string, unknown>, string][] = [
    [
      "the program's spelling kept for the same seconds",
      { drain_timeout_seconds: "600" },
      { drainTimeout: "600s" },
      "600s",
    ],
    ["the server's value when it differs", { drain_timeout_seconds: "90" }, { drainTimeout: "10m" }, "90s"],
    ["the server's default written short", {}, {}, "10m"],
  ];
  for (const [what, ext, props, drain] of outputs)
    it(`outputs, ${what}`, () =>
      assert.deepStrictEqual(settingsOutputs(ext, props), {
        maxSurge: 1,
        maxUnavailable: 0,
        drainTimeout: drain,
      }));
});
