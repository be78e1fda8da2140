import { strict as assert } from "assert";
import { ApiException } from "@kubernetes/client-node";
import { statusMessage } from "../../../../provider/kube/drain";

describe("statusMessage: the sentence of a failed Kubernetes call", () => {
  const table: Array<[string, unknown, string]> = [
    [
      "a Status body as text",
      new ApiException(500, "HTTP-Code: 500", '{"kind":"Status","message":"two budgets"}', {}),
      "two budgets (HTTP 500)",
    ],
    [
      "a Status body as an object",
      new ApiException(403, "x", { message: "forbidden" }, {}),
      "forbidden (HTTP 403)",
    ],
    ["a body that is not JSON", new ApiException(502, "x", "<html>bad gateway</html>", {}), "HTTP 502"],
    ["an empty body", new ApiException(500, "x", undefined, {}), "HTTP 500"],
    ["another error", new Error("connect ECONNREFUSED 127.0.0.1:1"), "connect ECONNREFUSED 127.0.0.1:1"],
    ["not an error", "boom", "boom"],
  ];
  for (const [what, error, expected] of table)
    it(what, () => {
      assert.equal(statusMessage(error), expected);
    });
});
