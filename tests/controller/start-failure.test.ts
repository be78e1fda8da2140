import * as assert from "assert";
import * as net from "net";
import { startController, VmOnlyRuntime } from "../../controller";
import { tempDir } from "./helpers";

/** A runtime that records whether the controller gave it back. */
class WatchedRuntime extends VmOnlyRuntime {
  closed = false;
  override async close(): Promise<void> {
    this.closed = true;
    await super.close();
  }
}

describe("controller start that fails half-way", () => {
  it("closes the cluster runtime it was given when its port is taken; the data folder opens again", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const runtime = new WatchedRuntime();
    const dataDir = tempDir();
    try {
      await assert.rejects(
        startController({ port, host: "127.0.0.1", dataDir, clusterRuntime: runtime }),
        /EADDRINUSE/,
      );
      assert.strictEqual(runtime.closed, true, "the runtime was closed");
      const again = await startController({ port: 0, host: "127.0.0.1", dataDir });
      await again.close();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
