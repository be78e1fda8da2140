import { strict as assert } from "assert";
import { poolUsageLine } from "../../../demo/look";
import { shellLines, shellQuote } from "../../../demo/shell";
import { formatDuration, timingTable } from "../../../demo/timeline";

describe("demo: durations and the timing table", function () {
  for (const [ms, text] of [
    [0, "0.0 s"],
    [1234, "1.2 s"],
    [59_949, "59.9 s"],
    [60_000, "1 min 00.0 s"],
    [83_400, "1 min 23.4 s"],
    [605_000, "10 min 05.0 s"],
    [-5, "0.0 s"],
  ] as const) {
    it(`${ms} ms -> ${text}`, function () {
      assert.equal(formatDuration(ms), text);
    });
  }

  it("numbers the steps, aligns their durations and ends with the total", function () {
    const table = timingTable(
      [
        { title: "pulumi up", ms: 93_900 },
        { title: "kubectl get nodes", ms: 1200 },
      ],
      100_000,
    );
    assert.deepEqual(table, [
      " 1. 1 min 33.9 s  pulumi up",
      " 2.        1.2 s  kubectl get nodes",
      "total: 1 min 40.0 s",
    ]);
  });

  it("a run with no step prints only the total", function () {
    assert.deepEqual(timingTable([], 500), ["total: 0.5 s"]);
  });
});

describe("demo: pool usage line", function () {
  for (const [pool, line] of [
    [
      { name: "vsan", state: "READY", capacityGb: 1024, usedGb: 162, failuresToTolerate: 1 },
      "vsan  READY  used 162 of 1024 GB (15.8 %), survives 1 host failure",
    ],
    [
      { name: "p", state: "CREATING", capacityGb: 0, usedGb: 0, failuresToTolerate: 2 },
      "p  CREATING  used 0 of 0 GB (0.0 %), survives 2 host failures",
    ],
  ] as const) {
    it(line, function () {
      assert.equal(poolUsageLine(pool), line);
    });
  }
});

describe("demo: the lines to paste for --keep", function () {
  for (const [value, quoted] of [
    ["/tmp/photon-stack-x1/state", "/tmp/photon-stack-x1/state"],
    ["file:///tmp/s", "file:///tmp/s"],
    ["a b", "'a b'"],
    ["it's", "'it'\\''s'"],
    ["$HOME", "'$HOME'"],
  ] as const) {
    it(`quotes ${value} as ${quoted}`, function () {
      assert.equal(shellQuote(value), quoted);
    });
  }

  it("PATH first, the engine's variables it has, the stack's folder, then KUBECONFIG", function () {
    const lines = shellLines({
      binDirs: ["/c/engine", "/c/kubectl"],
      env: {
        PULUMI_HOME: "/w/pulumi-home",
        PULUMI_BACKEND_URL: "file:///w/state",
        PULUMI_CONFIG_PASSPHRASE: "local pass",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        HOME: "/root",
      },
      stackDir: "/repo/examples/quickstart",
      kubeconfig: "/d/kubeconfig",
    });
    assert.deepEqual(lines, [
      'export PATH=/c/engine:/c/kubectl:"$PATH"',
      "export PULUMI_HOME=/w/pulumi-home",
      "export PULUMI_BACKEND_URL=file:///w/state",
      "export PULUMI_CONFIG_PASSPHRASE='local pass'",
      "export PULUMI_SKIP_UPDATE_CHECK=true",
      "cd /repo/examples/quickstart",
      "export KUBECONFIG=/d/kubeconfig",
    ]);
  });
});
