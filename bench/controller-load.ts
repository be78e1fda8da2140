/**
 * Load check of the embedded controller on loopback: requests per second and latency percentiles for
 * reads and writes. Bounded in count and time. Run with `npm run bench:controller`.
 *   BENCH_READS (default 4000), BENCH_WRITES (default 1000), BENCH_CONCURRENCY (default 16),
 *   BENCH_SECONDS (per phase, default 30), BENCH_WARMUP (unreported reads per read route first, default 3000)
 *   BENCH_CLIENT: `thread` (default) drives the load from a worker thread over keep-alive node:http,
 *   so the latencies are the controller's; `inline` drives it with fetch from the controller's own event
 *   loop, as this bench did first (the client's work then queues in front of the server's).
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import { startController } from "../controller";

interface Phase {
  name: string;
  count: number;
  request: (i: number) => Promise<number>;
}

interface Result {
  name: string;
  done: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

const env = (key: string, dflt: number) => Number(process.env[key] ?? dflt);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function runPhase(phase: Phase, concurrency: number, maxSeconds: number): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + maxSeconds * 1000;
  const worker = async () => {
    while (next < phase.count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      const status = await phase.request(i).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status < 200 || status >= 300) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name: phase.name,
    done: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; id: string }>;

interface Answer {
  status: number;
  id: string;
}

function entityId(text: string): string {
  try {
    return (JSON.parse(text) as { entity?: { id: string } }).entity?.id ?? "";
  } catch {
    return "";
  }
}

/** JSON calls as the admin through fetch; answers the status and the id of the Task's entity, if any. */
function fetchCaller(url: string, token: string): Call {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return async (method, p, body) => {
    const res = await fetch(url + p, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, id: entityId(await res.text()) };
  };
}

/** The same calls over node:http with keep-alive connections, one per concurrent worker at most. */
function httpCaller(url: string, token: string, concurrency: number): Call {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port } = new URL(url);
  return (method, p, body) =>
    new Promise<Answer>((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent,
          hostname,
          port,
          method,
          path: p,
          headers: {
            authorization: `Bearer ${token}`,
            ...(data !== undefined && {
              "content-type": "application/json",
              "content-length": Buffer.byteLength(data),
            }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, id: entityId(Buffer.concat(chunks).toString("utf8")) }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(data);
    });
}

function phases(call: Call, tenantId: string, projectId: string): Phase[] {
  const reads = env("BENCH_READS", 4000);
  const writes = env("BENCH_WRITES", 1000);
  return [
    {
      name: "read  GET /v1/tenants/{id}",
      count: reads,
      request: async () => (await call("GET", `/v1/tenants/${tenantId}`)).status,
    },
    {
      name: "read  GET /v1/projects/{id}/networks",
      count: reads,
      request: async () => (await call("GET", `/v1/projects/${projectId}/networks`)).status,
    },
    {
      name: "write POST /v1/tenants (task)",
      count: writes,
      request: async (i) => (await call("POST", "/v1/tenants", { name: `t${i}` })).status,
    },
    {
      name: "write POST /v1/projects/{id}/networks (task)",
      count: Math.min(writes, 250),
      request: async (i) =>
        (await call("POST", `/v1/projects/${projectId}/networks`, { name: `n${i}` })).status,
    },
  ];
}

function report(results: Result[], concurrency: number, client: string): void {
  process.stdout.write(
    `photon-controller load check: loopback, concurrency ${concurrency}, client ${client}, node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );
  for (const r of results) {
    const line = `${r.name.padEnd(46)} ${String(r.done).padStart(6)} req ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  errors ${r.errors}\n`;
    process.stdout.write(line);
  }
}

interface Load {
  url: string;
  token: string;
  client: "thread" | "inline";
}

/** Every phase, one after the other, with the chosen client. */
async function drive(load: Load): Promise<Result[]> {
  const concurrency = env("BENCH_CONCURRENCY", 16);
  const call =
    load.client === "inline"
      ? fetchCaller(load.url, load.token)
      : httpCaller(load.url, load.token, concurrency);
  const tenantId = (await call("POST", "/v1/tenants", { name: "bench" })).id;
  const projectId = (await call("POST", `/v1/tenants/${tenantId}/projects`, { name: "bench" })).id;
  await new Promise((r) => setTimeout(r, 300)); // the two creates' tasks end
  // Warm-up, not reported: the first requests of a route compile its code paths (JIT, serializers), and
  // V8 tiers a hot path up only after thousands of calls. With 500 warm-up reads the tenant GET, measured
  // first, showed p99 13 ms at 4,800 req/s; with 3,000 it is at its steady 3.6 ms at 10,600 req/s.
  for (const phase of phases(call, tenantId, projectId).filter((p) => p.name.startsWith("read")))
    await runPhase({ ...phase, count: env("BENCH_WARMUP", 3000) }, concurrency, 10);
  const results: Result[] = [];
  for (const phase of phases(call, tenantId, projectId))
    results.push(await runPhase(phase, concurrency, env("BENCH_SECONDS", 30)));
  return results;
}

/** Runs `drive` in a worker thread: its own event loop, so the server's is the controller's alone. */
function driveInThread(load: Load): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: load });
    worker.once("message", (results: Result[]) => resolve(results));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`load thread exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-bench-"));
  const c = await startController({ port: 0, host: "127.0.0.1", dataDir });
  try {
    const client = process.env.BENCH_CLIENT === "inline" ? "inline" : "thread";
    const load: Load = { url: c.url, token: await c.adminToken(), client };
    const results = client === "inline" ? await drive(load) : await driveInThread(load);
    report(
      results,
      env("BENCH_CONCURRENCY", 16),
      client === "inline" ? "fetch in the server's thread" : "node:http keep-alive in a worker thread",
    );
  } finally {
    await c.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main().catch((e: unknown) => {
    process.stderr.write(`bench failed: ${String(e)}\n`);
    process.exit(1);
  });
} else {
  drive(workerData as Load).then(
    (results) => parentPort?.postMessage(results),
    (e: unknown) => {
      throw e;
    },
  );
}
