import * as assert from "assert";
import { start, tenantWithUser, items, type Json, type TestController, type Api } from "./helpers";

describe("controller networks and subnets", () => {
  let t: TestController;
  let user: Api;
  let tenantId: string;
  let projectId: string;
  let projects = 0;
  before(async () => {
    t = await start();
    ({ user, tenantId } = await tenantWithUser(t, "net"));
  });
  // A project per test: networks' names and ranges are per project, so no test sees another's networks.
  beforeEach(async () => {
    projects++;
    projectId = await user.done(user.post(`/v1/tenants/${tenantId}/projects`, { name: `net-${projects}` }));
  });
  after(async () => t.close());

  const policy = {
    defaultAction: "DENY",
    rules: [
      {
        name: "web",
        direction: "INGRESS",
        action: "ALLOW",
        protocol: "TCP",
        cidrs: ["0.0.0.0/0"],
        ports: ["443"],
      },
    ],
  };

  /** The network "front" (10.10.0.0/16, with the policy above) in the test's project; answers its id. */
  const front = (): Promise<string> =>
    user.done(
      user.post(`/v1/projects/${projectId}/networks`, {
        name: "front",
        privateIpCidr: "10.10.0.0/16",
        securityPolicy: policy,
        tags: ["pulumi:n"],
      }),
    );

  it("creates a network with its CIDR and policy, lists, reads, tasks", async () => {
    const id = await front();
    const n = await user.get(`/v1/networks/${id}`);
    assert.deepStrictEqual([n.body["state"], n.body["privateIpCidr"]], ["READY", "10.10.0.0/16"]);
    assert.deepStrictEqual(n.body["securityPolicy"], policy);
    assert.strictEqual(items(await user.get(`/v1/projects/${projectId}/networks?tag=pulumi:n`)).length, 1);
    assert.strictEqual(items(await user.get(`/v1/networks/${id}/tasks`))[0]?.["operation"], "CREATE_NETWORK");
  });

  it("refuses overlaps (naming the other network), ranges outside the project and NameTaken", async () => {
    await front();
    const overlap = await user.post(`/v1/projects/${projectId}/networks`, {
      name: "back",
      privateIpCidr: "10.10.128.0/17",
    });
    assert.strictEqual(
      overlap.body["message"],
      'privateIpCidr overlaps network front (10.10.0.0/16) (was "10.10.128.0/17")',
    );
    const outside = await user.post(`/v1/projects/${projectId}/networks`, {
      name: "back",
      privateIpCidr: "192.168.0.0/16",
    });
    assert.strictEqual(
      outside.body["message"],
      'privateIpCidr must lie inside 10.0.0.0/8 (was "192.168.0.0/16")',
    );
    assert.strictEqual(
      (await user.post(`/v1/projects/${projectId}/networks`, { name: "front" })).body["code"],
      "NameTaken",
    );
  });

  it("allocates a free /16 when no CIDR is given", async () => {
    const id = await user.done(user.post(`/v1/projects/${projectId}/networks`, { name: "auto" }));
    assert.strictEqual((await user.get(`/v1/networks/${id}`)).body["privateIpCidr"], "10.0.0.0/16");
    const id2 = await user.done(user.post(`/v1/projects/${projectId}/networks`, { name: "auto2" }));
    assert.strictEqual((await user.get(`/v1/networks/${id2}`)).body["privateIpCidr"], "10.1.0.0/16");
  });

  it("validates and replaces the security policy; patches name and description", async () => {
    const id = await front();
    await user.done(user.post(`/v1/projects/${projectId}/networks`, { name: "back" }));
    const bad = await user.put(`/v1/networks/${id}/security-policy`, {
      defaultAction: "ALLOW",
      rules: [
        {
          name: "p",
          direction: "EGRESS",
          action: "DENY",
          protocol: "ICMP",
          cidrs: ["0.0.0.0/0"],
          ports: ["1"],
        },
      ],
    });
    assert.strictEqual(
      bad.body["message"],
      'securityPolicy.rules[0].ports must be empty for protocol ICMP (only TCP and UDP have ports) (was ["1"])',
    );
    const t1 = await user.put(`/v1/networks/${id}/security-policy`, { defaultAction: "ALLOW", rules: [] });
    assert.strictEqual((await user.task(t1))["operation"], "UPDATE_SECURITY_POLICY");
    assert.deepStrictEqual((await user.get(`/v1/networks/${id}`)).body["securityPolicy"], {
      defaultAction: "ALLOW",
      rules: [],
    });
    const t2 = await user.patch(`/v1/networks/${id}`, { description: "public side" });
    assert.strictEqual((await user.task(t2))["operation"], "UPDATE_NETWORK");
    assert.strictEqual((await user.get(`/v1/networks/${id}`)).body["description"], "public side");
    assert.strictEqual((await user.patch(`/v1/networks/${id}`, { name: "back" })).body["code"], "NameTaken");
  });

  it("subnets: inside the network, no overlaps, allocation, gateway, patch, delete", async () => {
    const net = await front();
    const s1 = await user.done(
      user.post(`/v1/networks/${net}/subnets`, {
        name: "s1",
        privateIpCidr: "10.10.1.0/24",
        dnsServerAddresses: ["10.10.0.2"],
      }),
    );
    const got = await user.get(`/v1/subnets/${s1}`);
    assert.deepStrictEqual([got.body["type"], got.body["reservedIps"]], ["NAT", { GATEWAY: "10.10.1.1" }]);
    const clash = await user.post(`/v1/networks/${net}/subnets`, {
      name: "s2",
      privateIpCidr: "10.10.1.128/25",
    });
    assert.strictEqual(
      clash.body["message"],
      'privateIpCidr overlaps subnet s1 (10.10.1.0/24) (was "10.10.1.128/25")',
    );
    const s2 = await user.done(user.post(`/v1/networks/${net}/subnets`, { name: "s2" }));
    assert.strictEqual((await user.get(`/v1/subnets/${s2}`)).body["privateIpCidr"], "10.10.0.0/24");
    assert.strictEqual(items(await user.get(`/v1/networks/${net}/subnets`)).length, 2);
    await user.done(user.patch(`/v1/subnets/${s2}`, { description: "two" }));
    assert.strictEqual((await user.get(`/v1/subnets/${s2}`)).body["description"], "two");
    await user.done(user.del(`/v1/subnets/${s2}`));
    assert.strictEqual((await user.get(`/v1/subnets/${s2}`)).body["code"], "SubnetNotFound");
  });

  it("a network a cluster uses cannot be deleted; an unused one can, with its subnets", async () => {
    const net = await front();
    await t.admin.done(
      t.admin.post("/v1/infrastructure/hosts", { address: "10.9.0.1", username: "r", password: "p" }),
    );
    const cluster = await user.done(
      user.post(`/v1/projects/${projectId}/services`, {
        name: "k",
        type: "KUBERNETES",
        workerCount: 0,
        networkId: net,
      }),
    );
    const refused = await user.del(`/v1/networks/${net}`);
    assert.strictEqual(
      refused.body["message"],
      `Invalid operation DELETE_NETWORK for network/${net} in state READY: used by service ${cluster}`,
    );
    await user.done(user.del(`/v1/services/${cluster}`));
    await user.done(user.del(`/v1/networks/${net}`));
    assert.strictEqual((await user.get(`/v1/networks/${net}`)).body["code"], "NetworkNotFound");
    const wrongNet = await user.post(`/v1/projects/${projectId}/services`, {
      name: "k2",
      type: "KUBERNETES",
      workerCount: 0,
      networkId: "nope",
    });
    assert.strictEqual(
      (wrongNet.body as Json)["message"],
      'networkId must be a network of the project (was "nope")',
    );
  });
});
