import * as assert from "assert";
import { passwordGrantAllowed } from "../../../controller/auth/transport";
import { parseCli } from "../../../controller/cli";
import { isLoopback } from "../../../controller/loopback";
import { refusePlainHttpBeyondLoopback, servingNames } from "../../../controller/tls";

describe("controller transport rules", () => {
  const loopback: Array<[string, boolean]> = [
    ["127.0.0.1", true],
    ["127.45.0.9", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["0:0:0:0:0:0:0:1", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["10.0.0.5", false],
    ["::ffff:10.0.0.5", false],
    ["fe80::1", false],
    ["photon.example", false],
  ];
  for (const [address, expected] of loopback)
    it(`${address} is ${expected ? "" : "not "}loopback`, () =>
      assert.strictEqual(isLoopback(address), expected));

  it("takes a password over HTTPS from anywhere, over plain HTTP from loopback only", () => {
    assert.deepStrictEqual(
      [
        passwordGrantAllowed(true, "192.0.2.10"),
        passwordGrantAllowed(false, "127.0.0.1"),
        passwordGrantAllowed(false, "::ffff:127.0.0.1"),
        passwordGrantAllowed(false, "192.0.2.10"),
      ],
      [true, true, true, false],
    );
  });

  it("serves plain HTTP beyond loopback only when told to", () => {
    assert.throws(
      () => refusePlainHttpBeyondLoopback("0.0.0.0", false, false),
      /refusing to serve plain HTTP/,
    );
    assert.throws(() => refusePlainHttpBeyondLoopback("10.0.0.5", false, false), /--allow-insecure-http/);
    for (const [host, tls, allow] of [
      ["127.0.0.1", false, false],
      ["localhost", false, false],
      ["0.0.0.0", true, false],
      ["0.0.0.0", false, true],
    ] as const)
      assert.doesNotThrow(() => refusePlainHttpBeyondLoopback(host, tls, allow));
  });

  it("names localhost, 127.0.0.1, ::1 and the listen host in the serving certificate", () => {
    assert.deepStrictEqual(servingNames("127.0.0.1"), ["DNS:localhost", "IP:127.0.0.1", "IP:::1"]);
    assert.deepStrictEqual(servingNames("photon.example"), [
      "DNS:localhost",
      "IP:127.0.0.1",
      "IP:::1",
      "DNS:photon.example",
    ]);
    assert.deepStrictEqual(servingNames("10.0.0.5").slice(3), ["IP:10.0.0.5"]);
    assert.ok(servingNames("0.0.0.0").length > 3, "a wildcard host adds the machine's name");
  });

  it("parses the TLS flags", () => {
    assert.deepStrictEqual(parseCli(["--data", "/d", "--tls"]).tls, { selfSigned: true });
    assert.deepStrictEqual(parseCli(["--data", "/d", "--tls-cert", "c.pem", "--tls-key", "k.pem"]).tls, {
      certFile: "c.pem",
      keyFile: "k.pem",
    });
    assert.strictEqual(parseCli(["--data", "/d", "--allow-insecure-http"]).allowInsecureHttp, true);
    assert.deepStrictEqual(parseCli(["--data", "/d"]), { dataDir: "/d", port: 9000, kubernetes: "real" });
    assert.throws(
      () => parseCli(["--data", "/d", "--tls-cert", "c.pem"]),
      /--tls-cert FILE and --tls-key FILE go together/,
    );
    assert.throws(
      () => parseCli(["--data", "/d", "--tls", "--tls-cert", "c", "--tls-key", "k"]),
      /give either --tls or --tls-cert and --tls-key/,
    );
  });
});
