import { strict as assert } from "assert";
import * as path from "path";
import { startTestController, type TestController } from "../../provider/harness";
import { PhotonClient } from "../../../provider/client";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";

export interface PreviewStep {
  readonly op: string;
  readonly type: string;
  readonly urn: string;
  readonly replaceReasons?: string[];
  readonly diffReasons?: string[];
  readonly oldState?: { readonly outputs?: Record<string, unknown> };
}

export interface ProgramSpec {
  /** Folder under examples/. */
  readonly example: string;
  /** The resource this program is about, e.g. `Tenant`. */
  readonly type: string;
  readonly secrets?: Readonly<Record<string, string>>;
  /** Stack configuration that changes the resource in place. */
  readonly inPlace: Readonly<Record<string, string>>;
  /** Stack configuration that forces a replacement, and the property the preview must name. */
  readonly replace: { readonly config: Readonly<Record<string, string>>; readonly property: string };
  /** Changes the object behind Pulumi's back (through the API). */
  readonly outOfBand: (api: PhotonClient, id: string) => Promise<void>;
  /** Objects of this program still on the server (must be 0 after destroy). */
  readonly leftovers: (api: PhotonClient) => Promise<number>;
}

export const ADMIN_PASSWORD = "photon-admin";

function token(type: string): string {
  return `pulumi-nodejs:dynamic/photon:${type}`;
}

async function previewSteps(stack: LocalStack): Promise<PreviewStep[]> {
  const result = await stack.preview(["--json"]);
  const parsed = JSON.parse(result.stdout) as { steps?: Array<Omit<PreviewStep, "type">> };
  return (parsed.steps ?? []).map((s) => ({ ...s, type: typeOfUrn(s.urn) }));
}

/** `urn:pulumi:stack::project::pulumi-nodejs:dynamic/photon:Tenant::acme` -> the type token. */
function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  return parts[parts.length - 2]?.split("$").pop() ?? "";
}

async function resourceId(stack: LocalStack, type: string): Promise<string> {
  const state = JSON.parse(await stack.exportState()) as {
    deployment: { resources?: Array<{ type: string; id?: string }> };
  };
  const found = (state.deployment.resources ?? []).find((r) => r.type === token(type));
  assert.ok(found?.id, `no ${type} in state`);
  return found.id;
}

async function configure(
  stack: LocalStack,
  values: Readonly<Record<string, string>>,
  secret = false,
): Promise<void> {
  for (const [k, v] of Object.entries(values)) await stack.setConfig(k, v, secret);
}

/** The steps every resource program goes through under the real CLI. */
export function programSteps(spec: ProgramSpec): void {
  let ctl: TestController;
  let stack: LocalStack;
  let api: PhotonClient;
  const changesOf = async (): Promise<PreviewStep[]> =>
    (await previewSteps(stack)).filter((s) => s.op !== "same");

  before(async function () {
    ctl = await startTestController();
    api = new PhotonClient({ endpoint: ctl.url, token: ctl.token });
    stack = await LocalStack.create(path.join(packageRoot(), "examples", spec.example), `it-${process.pid}`);
    await stack.setConfig("photon:endpoint", ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await configure(stack, spec.secrets ?? {}, true);
  });

  after(async function () {
    await stack?.dispose();
    await ctl?.close();
  });

  it("up creates everything", async function () {
    await stack.up();
    assert.ok(await resourceId(stack, spec.type));
  });

  it("preview of the unchanged stack shows no changes", async function () {
    assert.deepEqual(await changesOf(), []);
  });

  it("an in-place change previews as an update and applies", async function () {
    await configure(stack, spec.inPlace);
    const steps = await changesOf();
    assert.deepEqual(
      steps.map((s) => [s.op, s.type]),
      [["update", token(spec.type)]],
    );
    await stack.up();
    assert.deepEqual(await changesOf(), []);
  });

  it("a replace-only change previews as a replacement naming the property, and applies (delete first)", async function () {
    await configure(stack, spec.replace.config);
    const steps = await changesOf();
    const mine = steps.filter((s) => s.type === token(spec.type));
    assert.ok(
      mine.some((s) => s.op === "replace" && (s.replaceReasons ?? []).includes(spec.replace.property)),
      JSON.stringify(steps),
    );
    await stack.up();
    assert.deepEqual(await changesOf(), []);
  });

  it("refresh finds an out-of-band change, and up puts it back", async function () {
    await spec.outOfBand(api, await resourceId(stack, spec.type));
    await stack.refresh();
    const steps = await changesOf();
    assert.deepEqual(
      steps.map((s) => [s.op, s.type]),
      [["update", token(spec.type)]],
    );
    await stack.up();
    assert.deepEqual(await changesOf(), []);
  });

  it("stack export holds no plaintext secret", async function () {
    const exported = await stack.exportState();
    for (const secret of [ADMIN_PASSWORD, ...Object.values(spec.secrets ?? {})])
      assert.ok(!exported.includes(secret), "a secret is in the state in plain text");
  });

  it("destroy leaves nothing on the controller", async function () {
    await stack.destroy();
    assert.equal(await spec.leftovers(api), 0);
  });
}
