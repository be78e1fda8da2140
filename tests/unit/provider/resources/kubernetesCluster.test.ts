import * as assert from "assert";
import { stableKubeconfig } from "../../../../provider/kube";
import { drainFailureMessage } from "../../../../provider/kube/budgets";
import { chooseVictims } from "../../../../provider/resources/clusterConverge";
import { kubernetesCluster } from "../../../../provider/resources/kubernetesCluster";
import { checkTable, diffTable, NONE, replace, UNKNOWN, UPDATE } from "./helpers";

describe("KubernetesCluster", () => {
  const c = { projectId: "p-1", name: "pay", workerCount: 2, identity: "urn:c" };
  const cs = {
    ...c,
    masterCount: 1,
    autoRepair: true,
    maxSurge: 1,
    maxUnavailable: 0,
    drainTimeout: "10m",
    kubernetesVersion: "1.36.3",
    version: "1.36.3",
    clusterId: "c-1",
    state: "READY",
  };
  checkTable(kubernetesCluster.check, [
    ["minimal", c, []],
    [
      "required fields",
      { name: "pay" },
      ["projectId", "workerCount"].map((property) => ({ property, reason: "is required" })),
    ],
    [
      "master count",
      { ...c, masterCount: 2 },
      [{ property: "masterCount", reason: "must be 1, 3 or 5 (was 2)" }],
    ],
    [
      "worker count",
      { ...c, workerCount: 1001 },
      [{ property: "workerCount", reason: "must be a whole number from 0 to 1000 (was 1001)" }],
    ],
    [
      "etcd count",
      { ...c, etcdCount: 6 },
      [{ property: "etcdCount", reason: "must be a whole number from 1 to 5 (was 6)" }],
    ],
    [
      "version",
      { ...c, kubernetesVersion: "latest" },
      [{ property: "kubernetesVersion", reason: 'must be a version such as 1.36.3 (was "latest")' }],
    ],
    [
      "drain timeout",
      { ...c, drainTimeout: "soon" },
      [
        {
          property: "drainTimeout",
          reason: 'must be a duration from 0s to 24h, such as 90s, 10m or 1h (was "soon")',
        },
      ],
    ],
    [
      "no surge and no unavailability",
      { ...c, maxSurge: 0, maxUnavailable: 0 },
      [{ property: "maxUnavailable", reason: "must be at least 1 when maxSurge is 0 (was 0)" }],
    ],
    ["unknown worker count passes", { ...c, workerCount: UNKNOWN }, []],
  ]);
  diffTable(kubernetesCluster.diff, [
    ["untouched", cs, { ...c, kubernetesVersion: "1.36.3" }, NONE],
    ["workers up in place", cs, { ...c, workerCount: 4, kubernetesVersion: "1.36.3" }, UPDATE],
    ["workers down in place", cs, { ...c, workerCount: 1, kubernetesVersion: "1.36.3" }, UPDATE],
    [
      "version up in place",
      { ...cs, kubernetesVersion: "1.35.4" },
      { ...c, kubernetesVersion: "1.36.3" },
      UPDATE,
    ],
    ["version down replaces", cs, { ...c, kubernetesVersion: "1.35.4" }, replace("kubernetesVersion")],
    [
      "version down from the live one replaces",
      { ...cs, kubernetesVersion: undefined },
      { ...c, kubernetesVersion: "1.35.4" },
      replace("kubernetesVersion"),
    ],
    ["auto-repair in place", cs, { ...c, kubernetesVersion: "1.36.3", autoRepair: false }, UPDATE],
    [
      "not-ready nodes from a refresh are repaired",
      { ...cs, notReadyNodes: ["w-1"] },
      { ...c, kubernetesVersion: "1.36.3" },
      UPDATE,
    ],
    [
      "not-ready nodes are only reported without auto-repair",
      { ...cs, autoRepair: false, notReadyNodes: ["w-1"] },
      { ...c, kubernetesVersion: "1.36.3", autoRepair: false },
      NONE,
    ],
    ["no not-ready nodes", { ...cs, notReadyNodes: [] }, { ...c, kubernetesVersion: "1.36.3" }, NONE],
    [
      "surge and drain in place",
      cs,
      { ...c, kubernetesVersion: "1.36.3", maxSurge: 2, drainTimeout: "1m" },
      UPDATE,
    ],
    ["project replaces", cs, { ...c, kubernetesVersion: "1.36.3", projectId: "p-2" }, replace("projectId")],
    ["network replaces", cs, { ...c, kubernetesVersion: "1.36.3", networkId: "n-2" }, replace("networkId")],
    [
      "master count replaces",
      cs,
      { ...c, kubernetesVersion: "1.36.3", masterCount: 3 },
      replace("masterCount"),
    ],
    [
      "storage pool replaces",
      cs,
      { ...c, kubernetesVersion: "1.36.3", storagePoolId: "s-2" },
      replace("storagePoolId"),
    ],
  ]);

  it("scale-down victims: cordoned workers first, then the newest (the server's order)", () => {
    assert.deepStrictEqual(chooseVictims(["w1", "w2", "w3", "w4"], ["w1"], 2), ["w1", "w4"]);
    assert.deepStrictEqual(chooseVictims(["w1", "w2"], [], 0), []);
  });

  it("a blocked drain names the budget, its namespace and the pods left", () => {
    assert.strictEqual(
      drainFailureMessage(["w3"], "30s", ["default/web-pdb"], ["default/web-2", "default/web-1"]),
      "could not drain w3 within drainTimeout 30s (evictions refused by PodDisruptionBudget default/web-pdb); " +
        "pods left: default/web-1, default/web-2; the nodes are schedulable again and the cluster was not resized",
    );
  });

  it("the kubeconfig in state is kept while the endpoint and the CA are the same", () => {
    const config = (server: string, ca: string, cert: string) =>
      [
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
    const old = config("https://127.0.0.1:6443", "Q0E=", "b2xk");
    assert.strictEqual(stableKubeconfig(old, config("https://127.0.0.1:6443", "Q0E=", "bmV3")), old);
    const moved = config("https://127.0.0.1:7443", "Q0E=", "b2xk");
    assert.strictEqual(stableKubeconfig(old, moved), moved);
    const rotated = config("https://127.0.0.1:6443", "Q0Ey", "b2xk");
    assert.strictEqual(stableKubeconfig(old, rotated), rotated);
  });
});
