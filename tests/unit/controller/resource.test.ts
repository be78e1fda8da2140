import * as assert from "assert";
import { deleteRoute, getRoute, listRoute } from "../../../controller/http/resource";
import { idParams, listQuery } from "../../../controller/http/schemas";
import { oneStepOp } from "../../../controller/tasks/inline";

const head = { operationId: "op", summary: "s", tag: "things", access: "user" as const };
const noop = oneStepOp<Record<string, never>>("DELETE_THING", () => undefined);

describe("controller route factories (list, get, delete as data)", () => {
  it("an :id in the url brings the id params schema; a scope is declared only when given", () => {
    const top = listRoute({ ...head, url: "/v1/things", items: () => [], view: (x) => x });
    const child = listRoute({
      ...head,
      url: "/v1/projects/:id/things",
      scope: "project",
      items: () => [],
      view: (x) => x,
    });
    assert.deepStrictEqual(
      [top.method, top.params, top.scope, top.query],
      ["GET", undefined, undefined, listQuery],
    );
    assert.deepStrictEqual(
      [child.method, child.params, child.scope],
      ["GET", idParams("id"), { kind: "project" }],
    );
  });

  it("get and delete are GET and DELETE of /:id with the same head", () => {
    const load = (_p: unknown, id: string) => ({ id });
    const get = getRoute({ ...head, url: "/v1/things/:id", scope: "disk", load, view: (x) => x });
    const del = deleteRoute({
      ...head,
      url: "/v1/things/:id",
      load,
      operation: noop,
      kind: "thing",
      tenantOf: () => null,
    });
    assert.deepStrictEqual(
      [get.method, get.url, get.params, get.scope, get.query, get.body],
      ["GET", "/v1/things/:id", idParams("id"), { kind: "disk" }, undefined, undefined],
    );
    assert.deepStrictEqual(
      [del.method, del.url, del.params, del.scope, del.operationId, del.tag, del.access],
      ["DELETE", "/v1/things/:id", idParams("id"), undefined, "op", "things", "user"],
    );
  });
});
