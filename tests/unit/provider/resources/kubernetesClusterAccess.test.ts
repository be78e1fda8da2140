import * as assert from "assert";
import { endpointOf } from "../../../../provider/kube";
import { check, diff, outputs } from "../../../../provider/resources/kubernetesClusterAccess";
import type { Props } from "../../../../provider/resources/props";
import { diffTable, NONE, replace, UNKNOWN } from "./helpers";

/* KubernetesClusterAccess: only a new cluster id is a change; the kubeconfig stays byte-stable. */

function kubeconfig(server: string, ca: string, cert: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: c",
    "  cluster:",
    `    server: ${server}`,
    `    certificate-authority-data: ${ca}`,
    "users:",
    "- name: u",
    "  user:",
    `    client-certificate-data: ${cert}`,
    "contexts:",
    "- name: c",
    "  context:",
    "    cluster: c",
    "    user: u",
    "current-context: c",
    "",
  ].join("\n");
}

const OLD = kubeconfig("https://127.0.0.1:6443", "Q0E=", "b2xk");
const NEW_CERT = kubeconfig("https://127.0.0.1:6443", "Q0E=", "bmV3");
const MOVED = kubeconfig("https://127.0.0.1:7443", "Q0E=", "b2xk");
const ROTATED_CA = kubeconfig("https://127.0.0.1:6443", "Q0Ey", "b2xk");
const state: Props = { clusterId: "c1", identity: "urn:a", kubeconfig: OLD };

describe("KubernetesClusterAccess", () => {
  // The Kubernetes client library loads on first use: seconds on a loaded machine, not the test's time.
  before(function () {
    this.timeout(60_000);
    endpointOf(OLD);
  });

  diffTable(diff, [
    ["the same cluster", state, { clusterId: "c1", identity: "urn:a" }, NONE],
    ["another identity alone", state, { clusterId: "c1", identity: "urn:b" }, NONE],
    ["another cluster", state, { clusterId: "c2", identity: "urn:a" }, replace("clusterId")],
    [
      "a cluster being replaced (unknown id)",
      state,
      { clusterId: UNKNOWN, identity: "urn:a" },
      replace("clusterId"),
    ],
  ]);

  const cases: Array<[string, string | undefined, string]> = [
    ["a new client certificate alone keeps the kubeconfig in state", NEW_CERT, OLD],
    ["a moved endpoint takes the fresh kubeconfig", MOVED, MOVED],
    ["a new CA takes the fresh kubeconfig", ROTATED_CA, ROTATED_CA],
    ["a cluster without an API at the moment keeps the kubeconfig it had", undefined, OLD],
  ];
  for (const [name, served, recorded] of cases) {
    it(`outputs: ${name}`, () => {
      const access = { id: "c1", state: "READY", ...(served !== undefined && { kubeconfig: served }) };
      const outs = outputs(access, state);
      assert.strictEqual(outs.kubeconfig, recorded);
      assert.strictEqual(outs.clusterId, "c1");
      assert.strictEqual(
        outs.apiEndpoint,
        recorded === MOVED ? "https://127.0.0.1:7443" : "https://127.0.0.1:6443",
      );
    });
  }

  it("outputs: a first read records what the server serves", () => {
    const outs = outputs(
      { id: "c1", state: "READY", kubeconfig: NEW_CERT },
      { clusterId: "c1", identity: "u" },
    );
    assert.deepStrictEqual(outs, {
      identity: "u",
      clusterId: "c1",
      kubeconfig: NEW_CERT,
      apiEndpoint: "https://127.0.0.1:6443",
    });
  });

  const checks: Array<[string, Props, string[]]> = [
    ["a cluster id", { clusterId: "c1", identity: "u" }, []],
    ["no cluster id", { identity: "u" }, ["clusterId"]],
    ["a null cluster id", { clusterId: null, identity: "u" }, ["clusterId"]],
    ["a number for the cluster id", { clusterId: 7, identity: "u" }, ["clusterId"]],
    ["an undeclared input", { clusterId: "c1", identity: "u", kubeconfig: "x" }, ["kubeconfig"]],
  ];
  for (const [name, news, refused] of checks) {
    it(`check: ${name}`, () => {
      const failures = check({}, news).failures ?? [];
      assert.deepStrictEqual(failures.map((f) => f.property).sort(), refused);
    });
  }
});
