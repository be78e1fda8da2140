import * as assert from "assert";
import { chooseCidr } from "../../../controller/networks/cidrs";

/** The CIDR arithmetic itself is the rules' (tests/unit/rules/cidr.test.ts); this is how routes use it. */
describe("controller CIDR choice", () => {
  it("chooseCidr names the overlapping sibling", () => {
    assert.throws(
      () =>
        chooseCidr(
          "10.1.0.0/16",
          "10.0.0.0/8",
          [{ name: "front", privateIpCidr: "10.1.0.0/24" }],
          "network",
          16,
        ),
      {
        code: "InvalidEntity",
        message: 'privateIpCidr overlaps network front (10.1.0.0/24) (was "10.1.0.0/16")',
      },
    );
    assert.throws(() => chooseCidr("11.0.0.0/16", "10.0.0.0/8", [], "network", 16), {
      message: 'privateIpCidr must lie inside 10.0.0.0/8 (was "11.0.0.0/16")',
    });
  });
});
