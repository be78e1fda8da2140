import * as path from "path";
import { LocalStack } from "../toolchain/engine";
import { packageRoot } from "../toolchain/paths";

/** The main job: the smoke program through the real engine, offline (the Photon demo replaces it). */
async function main(): Promise<void> {
  const program = path.join(packageRoot(), "examples", "smoke");
  const stack = await LocalStack.create(program, "demo");
  const echo = process.stdout;
  try {
    console.log(`\n== pulumi up (program ${program}, state in ${stack.workDir})`);
    await stack.up([], { echo });
    console.log("\n== pulumi preview --diff (expects no changes)");
    await stack.preview(["--diff", "--expect-no-changes"], { echo });
    console.log("\n== pulumi preview with the policy pack in examples/smoke/policy");
    await stack.preview(["--policy-pack", path.join(program, "policy")], { echo });
    console.log("\n== pulumi destroy");
    await stack.destroy();
    console.log("\nDemo complete: the real engine ran a photon dynamic resource and a policy pack offline.");
  } finally {
    await stack.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
