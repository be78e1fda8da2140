import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Host, Tenant } from "../../../sdk";
import { RESOURCE_META } from "../../../provider/generated/schema";

/**
 * The wiring of the SDK classes (sdk/inputs.ts) as the engine sees it, under `pulumi.runtime.setMocks`
 * (as pulumi-awsx tests its components): what a program registers, never what the provider does with it.
 * The mock answers every resource with its inputs as its state, so an output is what the program sent.
 */

/** What the mock engine received, by resource name. */
const registered = new Map<string, pulumi.runtime.MockResourceArgs>();

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** The options a resource class hands to the runtime, seen through a transformation. */
function optionsSeenBy(seen: pulumi.CustomResourceOptions[]): pulumi.ResourceTransformation {
  return ({ opts }) => {
    seen.push(opts);
    return undefined;
  };
}

const hostArgs = { address: "10.20.0.11", username: "root", password: "plain-text-password" };

describe("SDK wiring under Pulumi mocks", () => {
  before(async () => {
    await pulumi.runtime.setMocks({
      newResource: (args) => {
        registered.set(args.name, args);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    });
  });

  it("a secret input given in plain text reaches the engine as a secret and stays one as an output", async () => {
    const host = new Host("secret-host", hostArgs);
    await promiseOf(host.id);
    const password: unknown = registered.get("secret-host")?.inputs.password;
    assert.ok(pulumi.runtime.isRpcSecret(password), "the engine got the password in plain text");
    assert.strictEqual(pulumi.runtime.unwrapRpcSecret(password), "plain-text-password");
    assert.strictEqual(await pulumi.isSecret(host.password), true);
    assert.strictEqual(await pulumi.isSecret(host.address), false);
  });

  it("every secret input is added to additionalSecretOutputs, after the program's own", () => {
    const seen: pulumi.CustomResourceOptions[] = [];
    new Host("options-host", hostArgs, {
      additionalSecretOutputs: ["username"],
      transformations: [optionsSeenBy(seen)],
    });
    assert.deepStrictEqual(
      seen.map((opts) => opts.additionalSecretOutputs),
      [["username", ...RESOURCE_META.Host.secrets]],
    );
  });

  it("a resource without secret inputs gets the program's options unchanged", () => {
    const seen: pulumi.CustomResourceOptions[] = [];
    new Tenant("options-tenant", {}, { transformations: [optionsSeenBy(seen)] });
    assert.deepStrictEqual(
      seen.map((opts) => opts.additionalSecretOutputs),
      [undefined],
    );
  });

  it("the identity is the resource's own URN", async () => {
    const tenant = new Tenant("identity-tenant");
    assert.strictEqual(await promiseOf(tenant.identity), await promiseOf(tenant.urn));
  });

  it("the identity of a resource under a parent is its URN under that parent", async () => {
    const parent = new pulumi.ComponentResource("test:index:Group", "identity-group");
    const tenant = new Tenant("identity-child", {}, { parent });
    const [identity, urn] = await Promise.all([promiseOf(tenant.identity), promiseOf(tenant.urn)]);
    assert.strictEqual(identity, urn);
    assert.match(identity, /::test:index:Group\$pulumi-nodejs:dynamic\/photon:Tenant::identity-child$/);
  });

  it("name defaults to adoptName, else to the resource name; a given name is kept", async () => {
    const names = await Promise.all([
      promiseOf(new Tenant("named-by-resource").name),
      promiseOf(new Tenant("named-by-adoption", { adoptName: "existing" }).name),
      promiseOf(new Tenant("named-by-program", { name: "chosen" }).name),
    ]);
    assert.deepStrictEqual(names, ["named-by-resource", "existing", "chosen"]);
  });

  it("every output property of the schema is an Output on the instance, even one the program did not set", async () => {
    const tenant = new Tenant("outputs-tenant");
    await promiseOf(tenant.id);
    const missing = RESOURCE_META.Tenant.outputs.filter((key) => {
      const value: unknown = Reflect.get(tenant, key);
      return !pulumi.Output.isInstance(value);
    });
    assert.deepStrictEqual(missing, []);
  });
});
