/**
 * What the thin provider stub costs: serialized provider bytes per resource in the state and the time of
 * a `preview` of an unchanged stack, for a stack of Photon resources (bench/fixtures/photon) against the
 * same number of one-method dynamic resources (bench/fixtures/trivial). Run with `npm run bench`.
 * Prints figures; asserts nothing. The real `pulumi` CLI runs each stack, so the toolchain's engine must
 * be built (`npm run toolchain`).
 *   BENCH_GROUPS (default 20): groups of five Photon resources, one of each kind
 */
import * as path from "path";
import { startTestController } from "../tests/provider/harness";
import { LocalStack } from "../toolchain/engine";
import { packageRoot } from "../toolchain/paths";

interface Measure {
  readonly resources: number;
  readonly providerBytesPerResource: number;
  readonly previewMs: number;
}

const RUNS = 3;
const GROUPS = Number(process.env.BENCH_GROUPS ?? 20);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
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

async function measure(program: string, config: Record<string, string>): Promise<Measure> {
  const stack = await LocalStack.create(
    path.join(packageRoot(), "bench", "fixtures", program),
    `bench-${process.pid}`,
  );
  try {
    for (const [k, v] of Object.entries(config)) await stack.setConfig(k, v, k === "photon:password");
    await stack.up();
    const bytes = providerBytes(await stack.exportState());
    await stack.preview(["--expect-no-changes"]); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      await stack.preview(["--expect-no-changes"]);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    await stack.destroy();
    return {
      resources: bytes.resources,
      providerBytesPerResource: bytes.perResource,
      previewMs: median(times),
    };
  } finally {
    await stack.dispose();
  }
}

async function main(): Promise<void> {
  const ctl = await startTestController();
  try {
    const photon = await measure("photon", {
      "photon:endpoint": ctl.url,
      "photon:username": "admin",
      "photon:password": "photon-admin",
      groups: String(GROUPS),
    });
    const trivial = await measure("trivial", { count: String(photon.resources) });
    const row = (name: string, m: Measure) =>
      `${name.padEnd(8)} ${String(m.resources).padStart(9)} ${m.providerBytesPerResource.toFixed(0).padStart(16)} ${m.previewMs.toFixed(0).padStart(16)}`;
    console.log(
      `${"stack".padEnd(8)} ${"resources".padStart(9)} ${"provider B/res".padStart(16)} ${"preview ms".padStart(16)}`,
    );
    console.log(row("photon", photon));
    console.log(row("trivial", trivial));
    console.log(
      `ratio provider bytes per resource (photon / trivial): ${(photon.providerBytesPerResource / trivial.providerBytesPerResource).toFixed(2)}`,
    );
    console.log(
      `ratio preview time of the unchanged stack (photon / trivial): ${(photon.previewMs / trivial.previewMs).toFixed(2)}`,
    );
  } finally {
    await ctl.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
