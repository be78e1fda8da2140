import { strict as assert } from "assert";
import * as path from "path";
import { LocalStack, PulumiCommandError } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";

const smokeProgram = path.join(packageRoot(), "examples", "smoke");

describe("foundation: the real pulumi CLI runs a photon dynamic resource offline", function () {
  let stack: LocalStack;

  before(async function () {
    stack = await LocalStack.create(smokeProgram, "foundation");
  });

  after(async function () {
    await stack?.dispose();
  });

  it("creates the resource with its photon type token", async function () {
    await stack.up();
    assert.deepEqual(await stack.outputs(), { label: "hello", smokeId: "smoke-hello" });
    const state = JSON.parse(await stack.exportState()) as {
      deployment: { resources?: { type: string }[] };
    };
    const types = (state.deployment.resources ?? []).map((r) => r.type);
    assert.ok(types.includes("pulumi-nodejs:dynamic/photon:Smoke"), `types in state: ${types.join(", ")}`);
  });

  it("previews no changes on the unchanged stack", async function () {
    const preview = await stack.preview(["--expect-no-changes"]);
    assert.doesNotMatch(preview.stdout, /\+ |~ |- /);
  });

  it("runs a policy pack that targets the photon type token", async function () {
    const policy = path.join(smokeProgram, "policy");
    await stack.preview(["--policy-pack", policy]);
    await stack.setConfig("label", "forbidden");
    const denied = await stack.preview(["--policy-pack", policy], { allowFailure: true });
    assert.notEqual(denied.code, 0);
    assert.match(denied.stdout + denied.stderr, /label 'forbidden' is not allowed/);
    await stack.setConfig("label", "hello");
  });

  it("destroys it and leaves an empty stack", async function () {
    await stack.destroy();
    const state = JSON.parse(await stack.exportState()) as { deployment: { resources?: unknown[] } };
    assert.equal((state.deployment.resources ?? []).length, 0);
  });

  it("reports a failing command with its output", async function () {
    await assert.rejects(stack.stack(["no-such-command"]), (error: unknown) => {
      assert.ok(error instanceof PulumiCommandError);
      assert.match(error.message, /no-such-command/);
      return true;
    });
  });
});
