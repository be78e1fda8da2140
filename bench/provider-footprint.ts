/**
 * What the thin provider stub costs: serialized provider bytes per resource in the state and the time of
 * a `preview` of an unchanged stack, for a stack of Photon resources (bench/fixtures/photon) against the
 * same number of one-method dynamic resources (bench/fixtures/trivial). Run with `npm run bench`.
 * Prints figures (minimum, median and maximum of the previews, taken in turns so that the machine's load
 * falls on both); asserts nothing. The real `pulumi` CLI runs each stack, so the toolchain's engine must
 * be built (`npm run toolchain`).
 *   BENCH_GROUPS (default 20): groups of five Photon resources, one of each kind
 *   BENCH_RUNS (default 7, at least 5): previews of each stack
 */
import * as path from "path";
import { startTestController } from "../tests/provider/harness";
import { LocalStack } from "../toolchain/engine";
import { packageRoot } from "../toolchain/paths";

/** One stack under measure: up, its provider bytes, its preview times. */
interface Subject {
  readonly name: string;
  readonly stack: LocalStack;
  readonly resources: number;
  readonly providerBytesPerResource: number;
  readonly previewMs: number[];
}

/** Previews of each stack, taken in turns (photon, trivial, trivial, photon, ...) so load hits both. */
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const GROUPS = Number(process.env.BENCH_GROUPS ?? 20);

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function median(values: readonly number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Serialized provider bytes per dynamic resource in the exported state (one copy of `__provider`). */
function providerBytes(exported: string): { resources: number; perResource: number } {
  const state = JSON.parse(exported) as {
    deployment: { resources?: Array<{ type: string; inputs?: { __provider?: string } }> };
  };
  const dynamic = (state.deployment.resources ?? []).filter((r) =>
    r.type.startsWith("pulumi-nodejs:dynamic"),
  );
  const total = dynamic.reduce((sum, r) => sum + (r.inputs?.__provider?.length ?? 0), 0);
  return { resources: dynamic.length, perResource: dynamic.length ? total / dynamic.length : 0 };
}

async function deploy(name: string, program: string, config: Record<string, string>): Promise<Subject> {
  const stack = await LocalStack.create(
    path.join(packageRoot(), "bench", "fixtures", program),
    `bench-${program}-${process.pid}`,
  );
  for (const [k, v] of Object.entries(config)) await stack.setConfig(k, v, k === "photon:password");
  await stack.up();
  const bytes = providerBytes(await stack.exportState());
  await stack.preview(["--expect-no-changes"]); // warm-up: plugin and module caches
  return {
    name,
    stack,
    resources: bytes.resources,
    providerBytesPerResource: bytes.perResource,
    previewMs: [],
  };
}

async function timePreview(s: Subject): Promise<void> {
  const start = process.hrtime.bigint();
  await s.stack.preview(["--expect-no-changes"]);
  s.previewMs.push(Number(process.hrtime.bigint() - start) / 1e6);
}

function report(photon: Subject, trivial: Subject): void {
  const stats = (m: readonly number[]) => {
    const s = sorted(m);
    return `${(s[0] ?? 0).toFixed(0)} / ${median(m).toFixed(0)} / ${(s[s.length - 1] ?? 0).toFixed(0)}`;
  };
  const row = (s: Subject) =>
    `${s.name.padEnd(8)} ${String(s.resources).padStart(9)} ${s.providerBytesPerResource.toFixed(0).padStart(16)} ${stats(s.previewMs).padStart(26)}`;
  console.log(
    `${"stack".padEnd(8)} ${"resources".padStart(9)} ${"provider B/res".padStart(16)} ${"preview ms min/median/max".padStart(26)}   (${RUNS} runs each, interleaved)`,
  );
  console.log(row(photon));
  console.log(row(trivial));
  console.log(
    `ratio provider bytes per resource (photon / trivial): ${(photon.providerBytesPerResource / trivial.providerBytesPerResource).toFixed(2)}`,
  );
  const ratios = photon.previewMs.map((p, i) => p / (trivial.previewMs[i] ?? p));
  const r = sorted(ratios);
  console.log(
    `ratio preview time of the unchanged stack (photon / trivial): median of times ${(median(photon.previewMs) / median(trivial.previewMs)).toFixed(2)}; ` +
      `per round min ${(r[0] ?? 0).toFixed(2)}, median ${median(ratios).toFixed(2)}, max ${(r[r.length - 1] ?? 0).toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const ctl = await startTestController();
  const subjects: Subject[] = [];
  try {
    const photon = await deploy("photon", "photon", {
      "photon:endpoint": ctl.url,
      "photon:username": "admin",
      "photon:password": "photon-admin",
      groups: String(GROUPS),
    });
    subjects.push(photon);
    const trivial = await deploy("trivial", "trivial", { count: String(photon.resources) });
    subjects.push(trivial);
    for (let i = 0; i < RUNS; i++) {
      const pair = i % 2 === 0 ? [photon, trivial] : [trivial, photon];
      for (const s of pair) await timePreview(s);
    }
    report(photon, trivial);
  } finally {
    for (const s of subjects) {
      await s.stack.destroy().catch((e: unknown) => console.error(`destroy ${s.name}: ${String(e)}`));
      await s.stack.dispose();
    }
    await ctl.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
