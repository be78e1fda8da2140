import { strict as assert } from "assert";
import { execFile } from "child_process";
import * as path from "path";
import { packageRoot } from "../../toolchain/paths";

describe("the demo (npm run demo)", function () {
  it("runs the platform program through up, an exact preview, an in-place change, policies and destroy", async function () {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [path.join(packageRoot(), "dist", "demo", "index.js")],
        { timeout: 600_000 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout + stderr),
      );
    });
    assert.match(output, /\+ 8 created/);
    assert.match(output, /8 unchanged/);
    assert.match(output, /~ capacityGb\s+: 1024 => 1536/);
    assert.match(output, /✅ photon-platform-policy@v0\.1\.0/);
    assert.match(output, /the ESX password does not appear in plain text/);
    assert.match(output, /- 8 deleted/);
    assert.match(output, /Demo complete\./);
    assert.doesNotMatch(output, /MaxListenersExceededWarning/);
  });
});
