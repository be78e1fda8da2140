import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { type FaultOptions, startController } from "../../controller";
import { configure, handlers, PhotonClient } from "../../provider";
import { setClientOptions } from "../../provider/context";
import { type CheckResult } from "@pulumi/pulumi/dynamic";
import type { Props } from "../../provider/resources/props";

export interface TestController {
  readonly url: string;
  readonly close: () => Promise<void>;
  /** A GET as the admin, outside the provider: what the server really holds. */
  readonly get: <T>(p: string) => Promise<T>;
  readonly token: string;
}

/** A real controller on port 0 with its own data folder; faults as given. */
export async function startTestController(faults?: FaultOptions): Promise<TestController> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-provider-test-"));
  const ctl = await startController({ port: 0, dataDir, taskStepDelayMs: 0, faults });
  const token = await ctl.adminToken();
  return {
    url: ctl.url,
    token,
    get: async <T>(p: string) =>
      (await axios.get<T>(`${ctl.url}${p}`, { headers: { Authorization: `Bearer ${token}` } })).data,
    close: async () => {
      await ctl.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A real controller for the enclosing describe block (started before, closed after), the provider
 * pointed at it; the answer gives it to the tests.
 */
export function controllerPerSuite(faults?: FaultOptions): () => TestController {
  let ctl: TestController | undefined;
  before(async () => {
    ctl = await startTestController(faults);
    useController(ctl.url);
  });
  after(async () => ctl?.close());
  return () => {
    if (!ctl) throw new Error("the controller of this suite did not start");
    return ctl;
  };
}

/** Points the provider module at a controller, as `configure` does under the engine. */
export function useController(url: string, extra: Record<string, string> = {}): void {
  const login: Record<string, string> = extra["photon:token"]
    ? {}
    : { "photon:username": "admin", "photon:password": "photon-admin" };
  const values: Record<string, string> = { "photon:endpoint": url, ...login, ...extra };
  setClientOptions({ poll: { initialMs: 5, maxMs: 50, growth: 1.5 } });
  configure({ get: (k) => values[k] });
}

export function adminClient(url: string): PhotonClient {
  return new PhotonClient({ endpoint: url, username: "admin", password: "photon-admin" });
}

/** check, failing the test on any failure, answering the checked inputs. */
export async function checkedInputs(type: string, news: Props): Promise<Props> {
  const result: CheckResult<Props> = await handlers(type).check({}, news);
  if ((result.failures ?? []).length > 0) throw new Error(`check failed: ${JSON.stringify(result.failures)}`);
  return result.inputs ?? news;
}

/** create then read; the read must show no diff against the inputs (what a refresh + preview sees). */
export async function createAndVerify(
  type: string,
  news: Props,
): Promise<{ id: string; outs: Props; inputs: Props }> {
  const h = handlers(type);
  const inputs = await checkedInputs(type, news);
  const { id, outs } = await h.create(inputs);
  await assertNoDrift(type, id, inputs);
  return { id, outs: outs ?? {}, inputs };
}

export async function assertNoDrift(type: string, id: string, inputs: Props): Promise<Props> {
  const h = handlers(type);
  const read = await h.read(id, inputs);
  if (read.id !== id) throw new Error(`read of ${type} ${id} answered id ${String(read.id)}`);
  const diff = await h.diff(id, read.props ?? {}, inputs);
  if (diff.changes)
    throw new Error(
      `${type} ${id} shows a diff right after create/update: ${JSON.stringify({ props: read.props, inputs })}`,
    );
  return read.props ?? {};
}

type Made = Awaited<ReturnType<typeof createAndVerify>>;

/** A tenant and a project in it, made through the handlers; the project's identity is `urn:made-<name>`. */
export async function tenantWithProject(prefix: string): Promise<{ tenant: Made; project: Made }> {
  const tname = unique(`${prefix}t`);
  const tenant = await createAndVerify("Tenant", { name: tname, identity: `urn:${tname}` });
  const pname = unique(`${prefix}p`);
  const project = await createAndVerify("Project", {
    tenantId: tenant.id,
    name: pname,
    identity: `urn:made-${pname}`,
  });
  return { tenant, project };
}

let counter = 0;
export function unique(prefix: string): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}`;
}
