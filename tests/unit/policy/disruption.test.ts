import * as assert from "assert";
import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import {
  type BudgetSpec,
  disruptionsAllowed,
  limitsOf,
  onPhotonCluster,
  podDisruptionBudgetBelowReplicas,
  selects,
} from "../../../sdk/policy/disruption";

const PHOTON_PROVIDER =
  "urn:pulumi:prod::web::pulumi-nodejs:dynamic/photon:KubernetesCluster$pulumi:providers:kubernetes::k8s-k8s";
const OTHER_PROVIDER = "urn:pulumi:prod::web::pulumi:providers:kubernetes::elsewhere";

/** A resource as a stack policy sees it: type, name, outputs and provider. */
function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  provider = PHOTON_PROVIDER,
): PolicyResource {
  const self: PolicyResource = {
    type,
    name,
    props,
    urn: `urn:pulumi:prod::web::${type}::${name}`,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    provider: { type: "pulumi:providers:kubernetes", props: {}, urn: provider, name: "k8s-k8s" },
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  };
  return self;
}

function deployment(
  name: string,
  replicas: number | undefined,
  labels: Record<string, string>,
  provider?: string,
) {
  return resource(
    "kubernetes:apps/v1:Deployment",
    name,
    {
      metadata: { namespace: "default" },
      spec: { replicas, template: { metadata: { labels } } },
    },
    provider,
  );
}

function budget(name: string, spec: BudgetSpec, matchLabels: Record<string, string>, provider?: string) {
  return resource(
    "kubernetes:policy/v1:PodDisruptionBudget",
    name,
    {
      metadata: { namespace: "default" },
      spec: { ...spec, selector: { matchLabels } },
    },
    provider,
  );
}

/** The violations the stack rule reports for these resources, as `<urn name>: <message>`. */
function stackViolations(resources: PolicyResource[]): string[] {
  const found: string[] = [];
  const report: ReportViolation = (message, urn) =>
    found.push(`${urn?.split("::").pop() ?? "stack"}: ${message}`);
  const args: StackValidationArgs = {
    resources,
    stackTags: new Map(),
    getConfig: <T extends object>() => ({}) as T,
    notApplicable: (reason?: string): never => {
      throw new Error(reason);
    },
  };
  void podDisruptionBudgetBelowReplicas.validateStack(args, report);
  return found;
}

describe("sdk/policy: PodDisruptionBudgets on photon clusters", () => {
  const cases: [BudgetSpec, number | undefined, number | undefined][] = [
    [{ maxUnavailable: 1 }, 3, 1],
    [{ maxUnavailable: 1 }, undefined, 1],
    [{ maxUnavailable: 0 }, 3, 0],
    [{ maxUnavailable: 0 }, undefined, 0],
    [{ maxUnavailable: "0%" }, undefined, 0],
    [{ maxUnavailable: "10%" }, undefined, 1],
    [{ maxUnavailable: "10%" }, 3, 1],
    [{ maxUnavailable: "50%" }, 4, 2],
    [{ maxUnavailable: 5 }, 2, 2],
    [{ minAvailable: 2 }, 3, 1],
    [{ minAvailable: 3 }, 3, 0],
    [{ minAvailable: 4 }, 3, 0],
    [{ minAvailable: 2 }, undefined, undefined],
    [{ minAvailable: "100%" }, undefined, 0],
    [{ minAvailable: "100%" }, 5, 0],
    [{ minAvailable: "50%" }, 3, 1],
    [{ minAvailable: "90%" }, 3, 0],
    [{ minAvailable: "50%" }, undefined, undefined],
    [{}, 3, undefined],
  ];
  for (const [spec, replicas, allowed] of cases)
    it(`${limitsOf(spec)} over ${String(replicas)} replicas allows ${String(allowed)}`, () =>
      assert.strictEqual(disruptionsAllowed(spec, replicas), allowed));

  const selectors: [Record<string, string>, Record<string, string>, boolean][] = [
    [{ app: "web" }, { app: "web", tier: "front" }, true],
    [{ app: "web", tier: "back" }, { app: "web", tier: "front" }, false],
    [{}, { app: "web" }, false],
  ];
  for (const [matchLabels, labels, selected] of selectors)
    it(`${JSON.stringify(matchLabels)} ${selected ? "selects" : "does not select"} ${JSON.stringify(labels)}`, () =>
      assert.strictEqual(selects(matchLabels, labels), selected));

  it("only resources through a photon cluster's own provider count", () => {
    assert.strictEqual(onPhotonCluster({ provider: { urn: PHOTON_PROVIDER } }), true);
    assert.strictEqual(onPhotonCluster({ provider: { urn: OTHER_PROVIDER } }), false);
    assert.strictEqual(onPhotonCluster({}), false);
  });

  it("the stack rule names each budget that leaves no replica of its workload free", () =>
    assert.deepStrictEqual(
      stackViolations([
        deployment("web", 3, { app: "web" }),
        budget("web", { minAvailable: 3 }, { app: "web" }),
        deployment("api", 3, { app: "api" }),
        budget("api", { minAvailable: 2 }, { app: "api" }),
        deployment("one", undefined, { app: "one" }),
        budget("one", { minAvailable: 1 }, { app: "one" }),
        deployment("away", 3, { app: "away" }, OTHER_PROVIDER),
        budget("away", { minAvailable: 3 }, { app: "away" }, OTHER_PROVIDER),
      ]),
      [
        "web: the budget (minAvailable 3) allows no disruption of web (3 replicas): no pod may be evicted, so a drain of a photon node can never finish",
        "one: the budget (minAvailable 1) allows no disruption of one (1 replicas): no pod may be evicted, so a drain of a photon node can never finish",
      ],
    ));

  it("the stack rule says nothing when the workloads have no outputs yet (first preview of a cluster)", () =>
    assert.deepStrictEqual(
      stackViolations([
        resource("kubernetes:apps/v1:Deployment", "web", {}),
        resource("kubernetes:policy/v1:PodDisruptionBudget", "web", {}),
      ]),
      [],
    ));
});
