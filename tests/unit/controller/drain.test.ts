import * as assert from "assert";
import type { V1PodDisruptionBudget } from "@kubernetes/client-node";
import { drainTimeoutSeconds } from "../../../controller/clusters/drain";
import { extendedPropertiesProblem } from "../../../controller/clusters/validate";
import { budgetsCovering, drainTimeoutMessage, selects, type PodRef } from "../../../controller/kube/budgets";

const pod = (name: string, labels: Record<string, string>, namespace = "default"): PodRef => ({
  name,
  namespace,
  labels,
});
const budget = (name: string, namespace: string, app: string): V1PodDisruptionBudget => ({
  metadata: { name, namespace },
  spec: { selector: { matchLabels: { app } } },
});

describe("controller drain: budgets and the drain timeout", () => {
  const table: [string, Parameters<typeof selects>[0], Record<string, string>, boolean][] = [
    ["matchLabels equal", { matchLabels: { app: "web" } }, { app: "web", tier: "a" }, true],
    ["matchLabels differ", { matchLabels: { app: "web" } }, { app: "db" }, false],
    [
      "In",
      { matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] },
      { app: "api" },
      true,
    ],
    [
      "NotIn on a missing key",
      { matchExpressions: [{ key: "app", operator: "NotIn", values: ["web"] }] },
      {},
      true,
    ],
    ["Exists", { matchExpressions: [{ key: "app", operator: "Exists" }] }, { app: "" }, true],
    ["DoesNotExist", { matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, { app: "x" }, false],
    ["empty selector selects all", {}, { app: "x" }, true],
  ];
  for (const [name, selector, labels, expected] of table) {
    it(`selects: ${name}`, () => assert.strictEqual(selects(selector, labels), expected));
  }

  it("names the budgets that cover the refused pods, in their namespace only", () => {
    const budgets = [
      budget("web", "default", "web"),
      budget("web", "other", "web"),
      budget("db", "default", "db"),
    ];
    assert.deepStrictEqual(
      budgetsCovering(budgets, [pod("web-1", { app: "web" }), pod("web-2", { app: "web" })]),
      ["default/web"],
    );
  });

  it("says which budget refused and which pods are left, whole", () => {
    assert.strictEqual(
      drainTimeoutMessage("k8s-worker-1", 5, ["default/web"], [pod("web-b", {}), pod("web-a", {})]),
      "node k8s-worker-1 was not drained within 5 s (evictions refused by PodDisruptionBudget default/web); " +
        "pods left: default/web-a, default/web-b; the node is schedulable again",
    );
    assert.strictEqual(
      drainTimeoutMessage("n", 0, [], [pod("slow", {}, "kube-system")]),
      "node n was not drained within 0 s (pods did not terminate); pods left: kube-system/slow; " +
        "the node is schedulable again",
    );
  });

  it("reads drain_timeout_seconds, 600 by default", () => {
    assert.strictEqual(drainTimeoutSeconds({ extendedProperties: {} }), 600);
    assert.strictEqual(drainTimeoutSeconds({ extendedProperties: { drain_timeout_seconds: "30" } }), 30);
  });

  it("validates drain_timeout_seconds as a whole number from 0 to 86400 (a number shown as one)", () => {
    assert.strictEqual(extendedPropertiesProblem({ drain_timeout_seconds: "0" }), undefined);
    assert.strictEqual(extendedPropertiesProblem({ drain_timeout_seconds: "86400" }), undefined);
    const refused: [string, unknown][] = [
      ["86401", 86401],
      ["-1", -1],
      ["1.5", "1.5"],
      ["10m", "10m"],
    ];
    for (const [raw, value] of refused)
      assert.deepStrictEqual(extendedPropertiesProblem({ drain_timeout_seconds: raw }), {
        property: "extendedProperties.drain_timeout_seconds",
        problem: "must be a whole number from 0 to 86400",
        value,
      });
  });
});
