import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startController, type ControllerOptions, type RunningController } from "../../controller";

export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

/** A tiny client for the tests: one token, JSON in and out. */
export class Api {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  as(token: string): Api {
    return new Api(this.url, token);
  }

  async call(
    method: string,
    p: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const h: Record<string, string> = { ...headers };
    if (this.token) h["authorization"] = `Bearer ${this.token}`;
    if (body !== undefined) h["content-type"] = "application/json";
    const res = await fetch(this.url + p, {
      method,
      headers: h,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
  }

  get(p: string): Promise<Answer> {
    return this.call("GET", p);
  }
  post(p: string, body: unknown = {}): Promise<Answer> {
    return this.call("POST", p, body);
  }
  put(p: string, body: unknown): Promise<Answer> {
    return this.call("PUT", p, body);
  }
  patch(p: string, body: unknown): Promise<Answer> {
    return this.call("PATCH", p, body);
  }
  del(p: string, body?: unknown): Promise<Answer> {
    return this.call("DELETE", p, body);
  }

  /** Waits for a task to end; answers the final task. */
  async task(taskOrAnswer: Answer | string, timeoutMs = 20000): Promise<Json> {
    const id = typeof taskOrAnswer === "string" ? taskOrAnswer : String(taskOrAnswer.body["id"]);
    if (typeof taskOrAnswer !== "string")
      assert.ok([200, 201, 202].includes(taskOrAnswer.status), JSON.stringify(taskOrAnswer.body));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const t = await this.get(`/v1/tasks/${id}`);
      if (t.body["state"] === "COMPLETED" || t.body["state"] === "ERROR") return t.body;
      if (Date.now() > deadline) throw new Error(`task ${id} still ${String(t.body["state"])}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Runs a write and expects its task to complete; answers the entity id. */
  async done(answer: Promise<Answer>): Promise<string> {
    const t = await this.task(await answer);
    assert.strictEqual(t["state"], "COMPLETED", JSON.stringify(t["steps"]));
    return String((t["entity"] as Json)["id"]);
  }

  /** Runs a write and expects its task to fail; answers the failed step's first error. */
  async fails(answer: Promise<Answer>): Promise<Json> {
    const t = await this.task(await answer);
    assert.strictEqual(t["state"], "ERROR");
    const step = (t["steps"] as Json[]).find((s) => s["state"] === "ERROR");
    return ((step?.["errors"] as Json[]) ?? [])[0] ?? {};
  }
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "photon-ctl-"));
}

export interface TestController {
  c: RunningController;
  admin: Api;
  anon: Api;
  dataDir: string;
  close(): Promise<void>;
}

export async function start(options: Partial<ControllerOptions> = {}): Promise<TestController> {
  const dataDir = options.dataDir ?? tempDir();
  const c = await startController({ port: 0, host: "127.0.0.1", ...options, dataDir });
  const anon = new Api(c.url);
  return {
    c,
    anon,
    admin: anon.as(await c.adminToken()),
    dataDir,
    close: async () => {
      await c.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A form-encoded call of the token endpoint (password or refresh grant): its status and body. */
export async function tokenGrant(
  url: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${url}/openidconnect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

export async function login(api: Api, username: string, password: string): Promise<Api> {
  const { status, body } = await tokenGrant(api.url, {
    grant_type: "password",
    username,
    password,
    scope: "openid offline_access",
  });
  assert.strictEqual(status, 200, JSON.stringify(body));
  return api.as(String(body["access_token"]));
}

/** A tenant with a user of its own group, and a project in it. */
export async function tenantWithUser(t: TestController, name: string, quota?: Json) {
  const group = `${name}\\members`;
  const tenantId = await t.admin.done(
    t.admin.post("/v1/tenants", {
      name,
      securityGroups: [group],
      ...(quota && { quota: { quotaItems: quota } }),
    }),
  );
  const created = await t.admin.post("/v1/system/users", {
    username: `${name}-user`,
    password: "pw",
    groups: [group],
  });
  assert.strictEqual(created.status, 201, JSON.stringify(created.body));
  const user = await login(t.anon, `${name}-user`, "pw");
  const projectId = await user.done(
    user.post(`/v1/tenants/${tenantId}/projects`, { name: `${name}-project` }),
  );
  return { tenantId, projectId, user };
}

export async function addHost(
  t: TestController,
  address: string,
  metadata: Record<string, string> = {},
  extra: Json = {},
): Promise<string> {
  return t.admin.done(
    t.admin.post("/v1/infrastructure/hosts", {
      address,
      username: "root",
      password: "secret",
      usageTags: ["CLOUD"],
      metadata,
      ...extra,
    }),
  );
}

export function items(a: Answer): Json[] {
  return a.body["items"] as Json[];
}
