/**
 * Load from many stacks (`npm run bench:stacks`): STACKS (default 8) stacks of examples/chaos, each with
 * its own tenant, project, network and cluster on hosts and a pool the admin shares, applied at the same
 * time against one embedded controller under the real CLI, then destroyed. Prints the time of the
 * concurrent run against STACKS times one stack measured in the same run, and the ratio: below 1 the
 * stacks overlap, near 1 they queue behind each other on the machine's cores.
 */
import { describeFigures, manyStacks } from "../tests/chaos/manyStacks";

async function main(): Promise<void> {
  const count = Number(process.env["STACKS"] ?? 8);
  if (!Number.isSafeInteger(count) || count < 1 || count > 32)
    throw new Error(`STACKS must be 1..32 (was ${count})`);
  const figures = await manyStacks(count);
  console.log(describeFigures(figures));
  if (figures.concurrentTaskOutputs > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
