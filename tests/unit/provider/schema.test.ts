import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as sdk from "../../../sdk";
import { REGISTRY, RESOURCE_META, RESOURCE_TYPES } from "../../../provider";
import { formattedFiles, readSchema } from "../../../scripts/schema/generate";
import { packageRoot } from "../../../toolchain/paths";
import { outputs as tenantOutputs } from "../../../provider/resources/tenant";
import { outputs as projectOutputs } from "../../../provider/resources/project";
import { outputs as hostOutputs } from "../../../provider/resources/host";
import { outputs as networkOutputs } from "../../../provider/resources/network";
import { outputs as poolOutputs } from "../../../provider/resources/storagePool";
import { outputs as clusterOutputs } from "../../../provider/resources/kubernetesCluster";
import { outputs as accessOutputs } from "../../../provider/resources/kubernetesClusterAccess";
import type { Props } from "../../../provider/resources/props";

const root = packageRoot(__dirname);

describe("schema.json and the code agree", () => {
  it("the generated types, classes and reference docs are what `npm run gen` makes now", async () => {
    const files = await formattedFiles(root);
    for (const [file, text] of Object.entries(files)) {
      assert.strictEqual(
        fs.readFileSync(path.join(root, file), "utf8"),
        text,
        `${file} is stale: run npm run gen`,
      );
    }
  });

  it("every schema resource has an implementation and an SDK class with the matching type token", () => {
    const schema = readSchema(root);
    const names = Object.keys(schema.resources).map((t) => t.split(":")[2]);
    assert.deepStrictEqual([...RESOURCE_TYPES], names);
    assert.deepStrictEqual(Object.keys(REGISTRY), names);
    const classes = sdk as unknown as Record<string, { __pulumiType?: string }>;
    for (const name of RESOURCE_TYPES)
      assert.strictEqual(classes[name]?.__pulumiType, `pulumi-nodejs:dynamic/photon:${name}`);
  });

  it("secrets: Host.password, KubernetesCluster.kubeconfig, KubernetesClusterAccess.kubeconfig", () => {
    assert.deepStrictEqual(
      RESOURCE_TYPES.filter((t) => RESOURCE_META[t].secrets.length > 0).map((t) => [
        t,
        RESOURCE_META[t].secrets,
      ]),
      [
        ["Host", ["password"]],
        ["KubernetesCluster", ["kubeconfig"]],
        ["KubernetesClusterAccess", ["kubeconfig"]],
      ],
    );
  });

  const props: Props = {
    identity: "urn:x",
    timeouts: { create: "1m" },
    adoptId: "a",
    password: "pw",
    forceDestroy: true,
    hostIds: ["h"],
    projectId: "p",
    tenantId: "t",
  };
  const cases: Array<[string, Props]> = [
    [
      "Tenant",
      tenantOutputs(
        {
          id: "t",
          name: "n",
          securityGroups: ["a\\b"],
          quota: { quotaItems: { vm: { limit: 1, unit: "COUNT", usage: 0 } } },
        },
        props,
      ),
    ],
    [
      "Project",
      projectOutputs({ id: "p", name: "n", tenantId: "t", defaultRouterPrivateIpCidr: "10.0.0.0/8" }, props),
    ],
    [
      "Host",
      hostOutputs(
        {
          id: "h",
          address: "a",
          username: "u",
          usageTags: ["CLOUD"],
          state: "READY",
          esxVersion: "6",
          capacity: { cpuCount: 1, memoryMb: 1, datastoreGb: 1 },
          availabilityZone: "z",
        },
        props,
      ),
    ],
    [
      "Network",
      networkOutputs(
        {
          id: "n",
          name: "n",
          privateIpCidr: "10.0.0.0/16",
          projectId: "p",
          state: "READY",
          securityPolicy: { defaultAction: "DENY", rules: [] },
        },
        props,
      ),
    ],
    [
      "StoragePool",
      poolOutputs(
        {
          id: "s",
          name: "n",
          hostIds: ["h"],
          capacityGb: 1,
          usedGb: 0,
          failuresToTolerate: 0,
          datastoreId: "d",
          state: "READY",
        },
        props,
      ),
    ],
    [
      "KubernetesCluster",
      clusterOutputs(
        {
          id: "c",
          name: "n",
          state: "READY",
          projectId: "p",
          workerCount: 1,
          imageId: "i",
          masterVmFlavorName: "m",
          otherVmFlavorName: "o",
          extendedProperties: { number_of_masters: "1", cluster_version: "1.36.3" },
          vms: [{ id: "v", name: "master-0", state: "STARTED", role: "KubernetesMaster" }],
          health: { ready: ["master-0"], notReady: [], unschedulable: [] },
        },
        props,
      ),
    ],
    ["KubernetesClusterAccess", accessOutputs({ id: "c", state: "READY", kubeconfig: "k" }, props)],
  ];
  for (const [type, outs] of cases) {
    it(`${type} outputs are exactly schema properties, required ones present`, () => {
      const schema = readSchema(root).resources[`photon:index:${type}`];
      assert.ok(schema);
      const declared = Object.keys(schema.properties);
      assert.deepStrictEqual(
        Object.keys(outs).filter((k) => !declared.includes(k)),
        [],
      );
      assert.deepStrictEqual(
        schema.required.filter((k) => outs[k] === undefined),
        [],
      );
    });
  }
});
