/**
 * Load check of the embedded controller on loopback: requests per second and latency percentiles for
 * reads and writes. Bounded in count and time. Run with `npm run bench:controller`.
 *   BENCH_READS (default 4000), BENCH_WRITES (default 1000), BENCH_CONCURRENCY (default 16),
 *   BENCH_SECONDS (per phase, default 30)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
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

/** JSON calls as the admin; answers the status and the id of the Task's entity, if any. */
function caller(url: string, token: string): Call {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return async (method, p, body) => {
    const res = await fetch(url + p, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as { entity?: { id: string } };
    return { status: res.status, id: json.entity?.id ?? "" };
  };
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

function report(results: Result[], concurrency: number): void {
  process.stdout.write(
    `photon-controller load check: loopback, concurrency ${concurrency}, node ${process.version}, ${os.cpus().length} CPUs\n`,
  );
  for (const r of results) {
    const line = `${r.name.padEnd(46)} ${String(r.done).padStart(6)} req ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  errors ${r.errors}\n`;
    process.stdout.write(line);
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-bench-"));
  const c = await startController({ port: 0, host: "127.0.0.1", dataDir });
  try {
    const call = caller(c.url, await c.adminToken());
    const tenantId = (await call("POST", "/v1/tenants", { name: "bench" })).id;
    const projectId = (await call("POST", `/v1/tenants/${tenantId}/projects`, { name: "bench" })).id;
    const concurrency = env("BENCH_CONCURRENCY", 16);
    const results: Result[] = [];
    for (const phase of phases(call, tenantId, projectId))
      results.push(await runPhase(phase, concurrency, env("BENCH_SECONDS", 30)));
    report(results, concurrency);
  } finally {
    await c.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${String(e)}\n`);
  process.exit(1);
});
