import type { Api, Json } from "../controller/helpers";

/** What the controller's own API says about the objects of some stacks, checked against their states. */
export interface AuditReport {
  /** Objects of the audited kinds on the server (hosts, pools, tenants, projects, networks, clusters). */
  readonly objects: number;
  /** `kind scope/name` seen more than once. */
  readonly duplicates: string[];
  /** Server objects no state knows (and the test did not make itself). */
  readonly orphans: string[];
  /** State resources whose id the server does not have. */
  readonly missing: string[];
  /** Tasks still QUEUED or STARTED. */
  readonly openTasks: string[];
  /** Resources left pending in a state (an interrupted operation nobody cleared). */
  readonly pendingOperations: number;
  /** Which of the given secret values (by label) appear in plain text in an exported state. */
  readonly plaintextSecrets: string[];
}

interface StateResource {
  readonly type: string;
  readonly id?: string;
  readonly urn: string;
}

interface Exported {
  readonly deployment: { resources?: StateResource[]; pending_operations?: unknown[] };
}

const PHOTON_TYPE = "pulumi-nodejs:dynamic/photon:";

/** The ids of the photon resources in an exported state, with the count of pending operations. */
export function stateIds(exported: string): { ids: Map<string, string>; pending: number } {
  const state = JSON.parse(exported) as Exported;
  const ids = new Map<string, string>();
  for (const r of state.deployment.resources ?? []) {
    if (r.type.startsWith(PHOTON_TYPE) && r.id) ids.set(r.id, r.urn);
  }
  return { ids, pending: (state.deployment.pending_operations ?? []).length };
}

/** A GET that rides out the faults the controller may be injecting (the audit must not fail on them). */
async function getJson(admin: Api, p: string): Promise<Json> {
  for (let attempt = 1; ; attempt++) {
    const answer = await admin.get(p).catch(() => undefined);
    if (answer?.status === 200) return answer.body;
    if (attempt >= 30 || (answer && answer.status !== 429 && answer.status !== 503))
      throw new Error(
        `GET ${p}: ${answer ? `${answer.status} ${JSON.stringify(answer.body)}` : "no answer"}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every item of a paginated list. */
export async function listAll(admin: Api, p: string): Promise<Json[]> {
  const all: Json[] = [];
  let link: string | undefined = p;
  for (let page = 0; link && page < 100; page++) {
    const body: Json = await getJson(admin, link);
    all.push(...((body["items"] as Json[] | undefined) ?? []));
    link =
      typeof body["nextPageLink"] === "string" && body["nextPageLink"] ? body["nextPageLink"] : undefined;
  }
  return all;
}

interface ServerObject {
  readonly id: string;
  readonly key: string;
}

const live = (o: Json): boolean => o["state"] !== "DELETED";

function objectsOf(kind: string, scope: string, items: Json[], nameField = "name"): ServerObject[] {
  return items
    .filter(live)
    .map((o) => ({ id: String(o["id"]), key: `${kind} ${scope}/${String(o[nameField])}` }));
}

/** Hosts, pools, tenants and everything under the tenants, as the admin sees them. */
export async function serverObjects(admin: Api): Promise<ServerObject[]> {
  const found = [
    ...objectsOf("host", "", await listAll(admin, "/v1/infrastructure/hosts"), "address"),
    ...objectsOf("pool", "", await listAll(admin, "/v1/infrastructure/storage-pools")),
  ];
  const tenants = (await listAll(admin, "/v1/tenants")).filter(live);
  found.push(...objectsOf("tenant", "", tenants));
  for (const t of tenants) {
    const projects = (await listAll(admin, `/v1/tenants/${String(t["id"])}/projects`)).filter(live);
    found.push(...objectsOf("project", String(t["id"]), projects));
    for (const p of projects) {
      const pid = String(p["id"]);
      found.push(...objectsOf("network", pid, await listAll(admin, `/v1/projects/${pid}/networks`)));
      found.push(...objectsOf("cluster", pid, await listAll(admin, `/v1/projects/${pid}/services`)));
    }
  }
  return found;
}

export interface AuditInput {
  /** `pulumi stack export` of every stack that shares the controller. */
  readonly states: readonly string[];
  /** Ids the test made itself as admin (shared hosts): neither orphans nor missing. */
  readonly madeByTest?: readonly string[];
  /** label -> secret value that must not appear in any exported state. */
  readonly secrets: Readonly<Record<string, string>>;
}

/** A kubeconfig in clear text shows its client key (PEM, or base64 PEM under `client-key-data`). */
const PRIVATE_KEY_MARKS = ["PRIVATE KEY", "client-key-data"];

/** Labels of the secrets found in clear text in any of the exported states. */
export function plaintextSecrets(
  states: readonly string[],
  secrets: Readonly<Record<string, string>>,
): string[] {
  const found = Object.entries(secrets)
    .filter(([, value]) => states.some((s) => s.includes(value)))
    .map(([label]) => label);
  if (states.some((s) => PRIVATE_KEY_MARKS.some((mark) => s.includes(mark))))
    found.push("kubeconfig private key");
  return found;
}

/** Compares the server with the states; the caller asserts on what it finds. */
export async function audit(admin: Api, input: AuditInput): Promise<AuditReport> {
  const objects = await serverObjects(admin);
  const known = new Map<string, string>();
  let pendingOperations = 0;
  for (const exported of input.states) {
    const { ids, pending } = stateIds(exported);
    ids.forEach((urn, id) => known.set(id, urn));
    pendingOperations += pending;
  }
  const test = new Set(input.madeByTest ?? []);
  const seen = new Map<string, number>();
  for (const o of objects) seen.set(o.key, (seen.get(o.key) ?? 0) + 1);
  const onServer = new Set(objects.map((o) => o.id));
  const openTasks = [
    ...(await listAll(admin, "/v1/tasks?state=QUEUED")),
    ...(await listAll(admin, "/v1/tasks?state=STARTED")),
  ].map((t) => `${String(t["operation"])} ${String(t["id"])} ${String(t["state"])}`);
  return {
    objects: objects.length,
    duplicates: [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`),
    orphans: objects.filter((o) => !known.has(o.id) && !test.has(o.id)).map((o) => `${o.key} (${o.id})`),
    missing: [...known].filter(([id]) => !onServer.has(id)).map(([id, urn]) => `${urn} (${id})`),
    openTasks,
    pendingOperations,
    plaintextSecrets: plaintextSecrets(input.states, input.secrets),
  };
}
