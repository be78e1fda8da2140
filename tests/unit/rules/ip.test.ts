import * as assert from "assert";
import * as fc from "fast-check";
import { formatIpv4, hostAddressProblem, ipv4Problem, netmaskProblem, parseIpv4 } from "../../../rules/ip";

describe("rules/ip", () => {
  const cases: [string, number | undefined][] = [
    ["10.0.0.2", 0x0a000002],
    ["0.0.0.0", 0],
    ["255.255.255.255", 2 ** 32 - 1],
    ["999.1.1.1", undefined],
    ["1.1.1.1' OR '1'='1", undefined],
    ["10.010.0.1", undefined],
    ["10.0.0", undefined],
    ["10.0.0.1.", undefined],
    [" 10.0.0.1", undefined],
    ["", undefined],
    ["1e1.0.0.1", undefined],
    ["-1.0.0.1", undefined],
  ];
  for (const [text, value] of cases)
    it(`parseIpv4(${JSON.stringify(text)}) is ${String(value)}`, () =>
      assert.strictEqual(parseIpv4(text), value));

  it("formats what it parses, for every address", () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) =>
        assert.strictEqual(parseIpv4(formatIpv4(n)), n),
      ),
    ));

  it("names the problem in the API's words", () => {
    assert.strictEqual(ipv4Problem("999.1.1.1"), "must be an IPv4 address such as 10.0.0.2");
    assert.strictEqual(ipv4Problem("8.8.8.8"), undefined);
  });

  const masks: [string, boolean][] = [
    ["255.255.255.0", true],
    ["255.255.240.0", true],
    ["0.0.0.0", true],
    ["255.255.255.255", true],
    ["255.0.255.0", false],
    ["255.255.255.1", false],
    ["mask", false],
  ];
  for (const [mask, ok] of masks)
    it(`netmask ${mask} is ${ok ? "accepted" : "refused"}`, () =>
      assert.strictEqual(
        netmaskProblem(mask),
        ok ? undefined : "must be an IPv4 netmask such as 255.255.255.0",
      ));
});

describe("rules/ip host addresses", () => {
  const addresses: [string, boolean][] = [
    ["10.20.0.11", true],
    ["esx-01.lab.example", true],
    ["esx01", true],
    ["fe80::1", true],
    ["::1", true],
    ["999.1.1.1", false],
    ["10.010.0.1", false],
    ["-esx", false],
    ["esx_01", false],
    ["a..b", false],
    ["1.1.1.1' OR '1'='1", false],
    ["fe80::1::2", false],
    ["x".repeat(64), false],
  ];
  for (const [address, ok] of addresses)
    it(`${JSON.stringify(address)} is ${ok ? "accepted" : "refused"}`, () =>
      assert.strictEqual(
        hostAddressProblem(address),
        ok ? undefined : "must be an IPv4 address, an IPv6 address or a host name",
      ));
});
