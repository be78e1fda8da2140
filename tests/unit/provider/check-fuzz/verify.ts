import * as assert from "assert";
import type { Props } from "../../../../provider/resources/props";
import { nullPaths, pathProblem, secretTexts, typeProblem, withUnknowns } from "./oracle";
import { parsePath, samePath, showPath } from "./paths";
import { type ResourceShape } from "./shapes";

export type Check = (
  olds: Props,
  news: Props,
) => { inputs?: Props; failures?: Array<{ property: string; reason: string }> };

/** Reasons quote values cut short: a 1 MB input must not become a 1 MB message. */
export const MAX_REASON = 400;

export const short = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max)}...` : text);

/**
 * Asserts what must hold of one check answer: no throw, every failure names a path into the input and
 * gives a short reason that quotes no secret, every null the schema has a place for is refused by name,
 * and an answer without failures is well-typed and keeps every value as given. True when it had no
 * failures.
 */
export function verify(resource: ResourceShape, check: Check, olds: Props, news: Props): boolean {
  const result = check(olds, news);
  const failures = result.failures ?? [];
  const secrets = secretTexts(news, resource.secrets);
  for (const { property, reason } of failures) {
    const tag = `failure ${JSON.stringify(short(String(property)))}: ${JSON.stringify(short(String(reason)))}`;
    assert.ok(typeof property === "string" && property !== "", `${tag} names no property`);
    assert.ok(typeof reason === "string" && reason.trim() !== "", `${tag} gives no reason`);
    assert.ok(reason.length <= MAX_REASON, `${tag} is ${reason.length} characters long`);
    const path = parsePath(property);
    assert.ok(path, `${tag}: the property is not a path`);
    const problem = pathProblem(news, resource.inputs, path);
    assert.ok(!problem, `${tag}: ${problem}`);
    assert.ok(!secrets.some((s) => reason.includes(s)), `${tag} quotes a secret input`);
  }
  for (const at of nullPaths(news, resource.inputs)) {
    const named = failures.some((f) => samePath(parsePath(f.property) ?? [], at));
    assert.ok(named, `null at ${showPath(at)} is not refused by name`);
  }
  if (failures.length > 0) return false;
  const problem = typeProblem(result.inputs, resource.inputs);
  assert.ok(!problem, `accepted, but ${problem}`);
  const changed = Object.keys(news).find(
    (k) => news[k] !== undefined && !Object.is(result.inputs?.[k], news[k]),
  );
  assert.ok(changed === undefined, `accepted, but the ${String(changed)} input came back changed`);
  return true;
}

/** An accepted input stays accepted when a preview does not know some of its values yet. */
export function verifyUnknowns(resource: ResourceShape, check: Check, news: Props, pick: number): void {
  const partial = withUnknowns(news, resource.inputs, pick) as Props;
  const failures = check({}, partial).failures ?? [];
  const first = failures[0];
  assert.ok(
    !first,
    `accepted, but refused with unknown values: ${first?.property}: ${short(first?.reason ?? "")}`,
  );
}
