import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allRoutes } from "../../controller/api";
import type { Host } from "../../controller/model";
import { buildServer } from "../../controller/server";
import { addHost, start, tempDir, type TestController } from "./helpers";

const PASSWORD_FORM = "grant_type=password&username=admin&password=photon-admin&scope=openid";

function mode(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

describe("controller secrets in transit and at rest", () => {
  let t: TestController;
  let parent: string;
  before(async () => {
    // A data folder the controller makes itself (mkdtemp would make it 0700 already).
    parent = tempDir();
    t = await start({ dataDir: path.join(parent, "made", "data") });
  });
  after(async () => {
    await t.close();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  /** The token endpoint as a client at `remoteAddress` sees it over plain HTTP (no socket: inject). */
  async function tokenOverHttpFrom(remoteAddress: string, payload: string) {
    const app = await buildServer(t.c.platform, allRoutes(false));
    try {
      const res = await app.inject({
        method: "POST",
        url: "/openidconnect/token",
        remoteAddress,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload,
      });
      return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
    } finally {
      await app.close();
    }
  }

  it("refuses a password grant over plain HTTP from another machine, in the API's error shape", async () => {
    assert.deepStrictEqual(await tokenOverHttpFrom("192.0.2.10", PASSWORD_FORM), {
      status: 403,
      body: {
        code: "InsecureTransport",
        message:
          "the password grant is refused over plain HTTP from 192.0.2.10: the password crossed the network in " +
          "clear text. Use the controller's https:// endpoint (photon-controller --tls) and change that password",
        data: { error: "invalid_request" },
      },
    });
  });

  it("takes a password grant over plain HTTP from loopback, and a refresh grant from anywhere", async () => {
    const local = await tokenOverHttpFrom("127.0.0.1", PASSWORD_FORM);
    assert.strictEqual(local.status, 200, JSON.stringify(local.body));
    const refresh = `grant_type=refresh_token&refresh_token=${String(local.body["refresh_token"])}`;
    assert.strictEqual((await tokenOverHttpFrom("192.0.2.10", refresh)).status, 200);
  });

  it("keeps a host's password sealed: not in the SQLite file or its WAL, yet readable by the controller", async () => {
    const password = "esx-Pa55word-4711";
    const id = await addHost(t, "10.77.0.1", {}, { password });
    const bytes = Buffer.concat(
      ["photon.sqlite", "photon.sqlite-wal"].map((f) => fs.readFileSync(path.join(t.dataDir, f))),
    );
    assert.ok(bytes.includes("10.77.0.1"), "the host's record is not in the files read");
    assert.strictEqual(bytes.includes(password), false, "the host password is in the database in clear text");
    const host = t.c.platform.store.get("host", id) as Host;
    assert.match(host.sealedPassword, /^v1:/);
    assert.strictEqual(t.c.platform.secrets.open(host.sealedPassword, id), password);
    assert.throws(() => t.c.platform.secrets.open(host.sealedPassword, "another-host"));
  });

  it("makes its data folder 0700 and the database, its WAL and the key file in it 0600", async () => {
    await addHost(t, "10.77.0.2");
    assert.strictEqual(mode(t.dataDir), "700");
    assert.deepStrictEqual(
      fs
        .readdirSync(t.dataDir)
        .sort()
        .map((f) => [f, mode(path.join(t.dataDir, f))]),
      // No -shm file: the store holds its lock, so SQLite keeps the WAL index in memory (decision 0111).
      ["photon.sqlite", "photon.sqlite-wal", "secrets.key"].map((f) => [f, "600"]),
    );
  });
});
