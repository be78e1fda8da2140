import * as assert from "assert";
import axios from "axios";
import { handlers } from "../../provider";
import type { Props } from "../../provider/resources/props";
import { controllerPerSuite, createAndVerify, tenantWithProject, unique } from "./harness";

/**
 * One mistake, one sentence (decision 0005): each bad input is given to the provider's `check` and, as
 * the API writes it, to the server; `<property> <reason>` of check's one failure must be the server's
 * InvalidEntity message word for word. The property differs only where the API names the input otherwise
 * (a network's `cidr` is `privateIpCidr`, a quota item sits under `quota.quotaItems`).
 */

/** `ClusterSettings`: a KubernetesCluster input the server takes, after the create, in set_settings. */
type Kind = "Tenant" | "Project" | "Network" | "Host" | "KubernetesCluster" | "ClusterSettings";

interface Case {
  readonly what: string;
  readonly kind: Kind;
  /** The inputs that differ from the kind's valid ones: the one mistake. */
  readonly inputs: Props;
  /** The same mistake in the API's request body. */
  readonly body: Props;
  /** How the server names the property, where the API's name differs from the input's. */
  readonly serverProperty?: string;
}

const rule = { name: "web", direction: "INGRESS", action: "ALLOW", protocol: "TCP", cidrs: ["0.0.0.0/0"] };
const policy = (over: Props) => ({ defaultAction: "DENY", rules: [{ ...rule, ...over }] });
const item = (key: string, limit: number, unit: string) => ({ [key]: { limit, unit } });
const quota = (key: string, limit: number, unit: string): Pick<Case, "inputs" | "body"> => ({
  inputs: { quota: item(key, limit, unit) },
  body: { quota: { quotaItems: item(key, limit, unit) } },
});
const same = (property: string, value: unknown): Pick<Case, "inputs" | "body"> => ({
  inputs: { [property]: value },
  body: { [property]: value },
});
/** A cluster input the create's body carries in extendedProperties, as a string. */
const extended = (input: string, key: string, value: number): Omit<Case, "what"> => ({
  kind: "KubernetesCluster",
  inputs: { [input]: value },
  body: { extendedProperties: { [key]: String(value) } },
  serverProperty: `extendedProperties.${key}`,
});
const settings = (inputs: Props): Omit<Case, "what"> => ({ kind: "ClusterSettings", inputs, body: inputs });
const networkCidr = (cidr: string): Omit<Case, "what"> => ({
  kind: "Network",
  inputs: { cidr },
  body: { privateIpCidr: cidr },
  serverProperty: "privateIpCidr",
});

const CASES: readonly Case[] = [
  { what: "a name with a leading digit", kind: "Tenant", ...same("name", "1bad") },
  { what: "a name of 64 characters", kind: "Tenant", ...same("name", "a".repeat(64)) },
  { what: "a group without its domain", kind: "Tenant", ...same("securityGroups", ["admins"]) },
  { what: "a group with two backslashes", kind: "Project", ...same("securityGroups", ["a\\b\\c"]) },
  {
    what: "a quota unit that is no unit",
    kind: "Tenant",
    ...quota("storage.VSAN", 1, "TB"),
    serverProperty: "quota.quotaItems.storage.VSAN.unit",
  },
  {
    what: "a size unit for a count",
    kind: "Tenant",
    ...quota("vm.cpu", 4, "GB"),
    serverProperty: "quota.quotaItems.vm.cpu.unit",
  },
  {
    what: "a count for a size",
    kind: "Project",
    ...quota("vm.memory", 4, "COUNT"),
    serverProperty: "quota.quotaItems.vm.memory.unit",
  },
  {
    what: "a negative quota limit",
    kind: "Tenant",
    ...quota("vm", -1, "COUNT"),
    serverProperty: "quota.quotaItems.vm.limit",
  },
  {
    what: "a quota key that is no key",
    kind: "Tenant",
    ...quota("VM CPU", 1, "COUNT"),
    serverProperty: "quota.quotaItems.VM CPU",
  },
  {
    what: "a router range with host bits",
    kind: "Project",
    ...same("defaultRouterPrivateIpCidr", "10.0.0.1/8"),
  },
  {
    what: "a router range with a leading-zero octet",
    kind: "Project",
    ...same("defaultRouterPrivateIpCidr", "10.010.0.0/16"),
  },
  {
    what: "a router range with prefix 33",
    kind: "Project",
    ...same("defaultRouterPrivateIpCidr", "10.0.0.0/33"),
  },
  { what: "a network range that is no CIDR", ...networkCidr("10.10.0.0") },
  { what: "a network range with a leading-zero octet", ...networkCidr("10.010.0.0/16") },
  { what: "a network range with host bits", ...networkCidr("10.10.0.1/16") },
  { what: "a policy default action", kind: "Network", ...same("securityPolicy", { defaultAction: "DROP" }) },
  { what: "a policy rule name", kind: "Network", ...same("securityPolicy", policy({ name: "1st" })) },
  { what: "a policy protocol", kind: "Network", ...same("securityPolicy", policy({ protocol: "SCTP" })) },
  {
    what: "a policy peer with host bits",
    kind: "Network",
    ...same("securityPolicy", policy({ cidrs: ["10.0.0.1/8"] })),
  },
  {
    what: "a policy peer that is no CIDR",
    kind: "Network",
    ...same("securityPolicy", policy({ cidrs: ["010.0.0.0/8"] })),
  },
  { what: "a policy rule without peers", kind: "Network", ...same("securityPolicy", policy({ cidrs: [] })) },
  { what: "a port above 65535", kind: "Network", ...same("securityPolicy", policy({ ports: ["70000"] })) },
  {
    what: "a port range upside down",
    kind: "Network",
    ...same("securityPolicy", policy({ ports: ["90-80"] })),
  },
  { what: "a port that is no port", kind: "Network", ...same("securityPolicy", policy({ ports: ["80-"] })) },
  {
    what: "ports for ICMP",
    kind: "Network",
    ...same("securityPolicy", policy({ protocol: "ICMP", ports: ["80"] })),
  },
  {
    what: "two rules of one name",
    kind: "Network",
    ...same("securityPolicy", { defaultAction: "DENY", rules: [rule, rule] }),
  },
  { what: "a host address", kind: "Host", ...same("address", "999.1.1.1") },
  { what: "a host usage tag", kind: "Host", ...same("usageTags", ["GPU"]) },
  {
    what: "a host capacity that is not a whole number",
    kind: "Host",
    ...same("metadata", { cpuCount: "032" }),
    serverProperty: "metadata.cpuCount",
  },
  { what: "a cluster of 2 masters", ...extended("masterCount", "number_of_masters", 2) },
  { what: "a cluster of 6 etcd VMs", ...extended("etcdCount", "number_of_etcds", 6) },
  { what: "a surge of 101 nodes at create", ...extended("maxSurge", "max_surge", 101) },
  {
    what: "no surge and no unavailability at create",
    kind: "KubernetesCluster",
    inputs: { maxSurge: 0, maxUnavailable: 0 },
    body: { extendedProperties: { max_surge: "0", max_unavailable: "0" } },
    serverProperty: "extendedProperties.max_unavailable",
  },
  { what: "1001 workers", kind: "KubernetesCluster", ...same("workerCount", 1001) },
  { what: "half a worker", kind: "KubernetesCluster", ...same("workerCount", 1.5) },
  { what: "a surge of 101 nodes later", ...settings({ maxSurge: 101 }) },
  { what: "a negative unavailability later", ...settings({ maxUnavailable: -1 }) },
  { what: "no surge and no unavailability later", ...settings({ maxSurge: 0, maxUnavailable: 0 }) },
  { what: "a drain timeout over a day", ...settings({ drainTimeout: "25h" }) },
  { what: "a drain timeout that is no duration", ...settings({ drainTimeout: "soon" }) },
];

describe("check and the server answer a mistake with the same sentence", function () {
  const ctl = controllerPerSuite();
  let owners: { tenantId: string; projectId: string; clusterId: string };

  before(async () => {
    const { tenant, project } = await tenantWithProject("same");
    const host = { address: "10.79.0.1", username: "root", password: "pw-same", identity: "urn:same-host" };
    await createAndVerify("Host", host);
    const cluster = await createAndVerify("KubernetesCluster", {
      projectId: project.id,
      name: unique("same"),
      workerCount: 1,
      identity: "urn:same-cluster",
    });
    owners = { tenantId: tenant.id, projectId: project.id, clusterId: cluster.id };
  });

  /** Valid inputs of each kind, the body the API takes for them, and where it is posted. */
  function valid(kind: Kind): { inputs: Props; body: Props; path: string } {
    const name = unique("same");
    const identity = `urn:same-message-${kind}`;
    switch (kind) {
      case "Tenant":
        return { inputs: { name, identity }, body: { name }, path: "/v1/tenants" };
      case "Project":
        return {
          inputs: { name, identity, tenantId: owners.tenantId },
          body: { name },
          path: `/v1/tenants/${owners.tenantId}/projects`,
        };
      case "Network":
        return {
          inputs: { name, identity, projectId: owners.projectId, cidr: "10.20.0.0/16" },
          body: { name, privateIpCidr: "10.20.0.0/16" },
          path: `/v1/projects/${owners.projectId}/networks`,
        };
      case "KubernetesCluster":
        return {
          inputs: { name, identity, projectId: owners.projectId, workerCount: 1 },
          body: { name, type: "KUBERNETES", workerCount: 1 },
          path: `/v1/projects/${owners.projectId}/services`,
        };
      case "ClusterSettings":
        return {
          inputs: { name, identity, projectId: owners.projectId, workerCount: 1 },
          body: {},
          path: `/v1/services/${owners.clusterId}/set_settings`,
        };
      case "Host": {
        const host = { address: "10.20.0.11", username: "root", password: "host-secret-1" };
        return { inputs: { ...host, identity }, body: host, path: "/v1/infrastructure/hosts" };
      }
    }
  }

  async function serverMessage(path: string, body: Props): Promise<string> {
    const res = await axios.post<{ code?: string; message?: string }>(`${ctl().url}${path}`, body, {
      headers: { Authorization: `Bearer ${ctl().token}` },
      validateStatus: () => true,
    });
    assert.strictEqual(res.status, 400, `the server answered ${res.status} ${JSON.stringify(res.data)}`);
    assert.strictEqual(res.data.code, "InvalidEntity", JSON.stringify(res.data));
    return String(res.data.message);
  }

  for (const c of CASES) {
    it(c.what, async () => {
      const base = valid(c.kind);
      const type = c.kind === "ClusterSettings" ? "KubernetesCluster" : c.kind;
      const result = await handlers(type).check({}, { ...base.inputs, ...c.inputs });
      const failures = result.failures ?? [];
      assert.strictEqual(failures.length, 1, `check answered ${JSON.stringify(failures)}`);
      const [{ property, reason }] = failures as [{ property: string; reason: string }];
      const message = await serverMessage(base.path, { ...base.body, ...c.body });
      assert.strictEqual(message, `${c.serverProperty ?? property} ${reason}`);
    });
  }
});
