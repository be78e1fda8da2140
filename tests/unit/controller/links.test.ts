import * as assert from "assert";
import { entityCollection, itemCollection, withSelfLink } from "../../../controller/http/links";

describe("selfLink (controller/http/links)", () => {
  const lists: Array<[string, string]> = [
    ["/v1/tenants", "/v1/tenants"],
    ["/v1/infrastructure/hosts", "/v1/infrastructure/hosts"],
    ["/v1/tenants/:id/projects", "/v1/projects"],
    ["/v1/projects/:id/networks", "/v1/networks"],
    ["/v1/infrastructure/hosts/:id/vms", "/v1/vms"],
  ];
  for (const [url, collection] of lists)
    it(`the items of ${url} live in ${collection}`, () =>
      assert.strictEqual(itemCollection(url), collection));

  const gets: Array<[string, string | undefined]> = [
    ["/v1/tenants/:id", "/v1/tenants"],
    ["/v1/infrastructure/storage-pools/:id", "/v1/infrastructure/storage-pools"],
    ["/v1/tenants/:id/quota", undefined],
    ["/v1/services/:id/kubeconfig", undefined],
    ["/v1/system/status", undefined],
  ];
  for (const [url, collection] of gets)
    it(`GET ${url} answers ${collection ?? "no entity"}`, () =>
      assert.strictEqual(entityCollection(url), collection));

  it("puts selfLink after id and kind, the id percent-encoded", () => {
    const linked = withSelfLink({ id: "a b", kind: "tenant", name: "x" }, "https://h:1", "/v1/tenants");
    assert.deepStrictEqual(Object.entries(linked as object), [
      ["id", "a b"],
      ["kind", "tenant"],
      ["selfLink", "https://h:1/v1/tenants/a%20b"],
      ["name", "x"],
    ]);
  });

  it("leaves what is no entity as it is", () => {
    for (const body of [null, [1], "text", { quotaItems: {} }, { id: 5 }])
      assert.strictEqual(withSelfLink(body, "http://h", "/v1/x"), body);
    const noKind = withSelfLink({ id: "i", name: "n" }, "http://h", "/v1/images");
    assert.deepStrictEqual(Object.keys(noKind as object), ["id", "selfLink", "name"]);
  });
});
