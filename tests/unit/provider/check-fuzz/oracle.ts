import { UNKNOWN } from "../../../../provider/resources/props";
import { child, isRecord, type Segment, showPath } from "./paths";
import { type ObjectShape, type Shape } from "./shapes";

/** What the fuzz test asserts about one check answer, written against the schema's shapes only. */

function step(shape: Shape | undefined, segment: Segment): Shape | undefined {
  if (!shape) return undefined;
  if (shape.kind === "object" && typeof segment === "string") return shape.properties[segment];
  if (shape.kind === "map" && typeof segment === "string") return shape.values;
  if (shape.kind === "array" && typeof segment === "number") return shape.items;
  return undefined;
}

/**
 * Why a failure's path is not a path into the input, or undefined when it is: every step but the last
 * exists in the input; the last exists too, or is a field the schema declares on an object that exists
 * (a required field left out).
 */
export function pathProblem(
  input: unknown,
  shape: ObjectShape,
  path: readonly Segment[],
): string | undefined {
  let value: unknown = input;
  let at: Shape | undefined = shape;
  for (const [i, segment] of path.entries()) {
    const next = child(value, segment);
    const last = i === path.length - 1;
    if (!next.found) {
      const declared = at?.kind === "object" && typeof segment === "string" && segment in at.properties;
      return last && isRecord(value) && declared
        ? undefined
        : `${showPath(path.slice(0, i + 1))} is not in the input`;
    }
    value = next.value;
    at = step(at, segment);
  }
  return undefined;
}

/** Paths of every null the schema describes a place for, below containers of the right kind. */
export function nullPaths(value: unknown, shape: Shape, path: Segment[] = []): Segment[][] {
  if (value === null) return [path];
  if (value === UNKNOWN) return [];
  if (shape.kind === "object" && isRecord(value))
    return Object.keys(shape.properties)
      .filter((k) => Object.prototype.hasOwnProperty.call(value, k))
      .flatMap((k) => nullPaths(value[k], shape.properties[k] as Shape, [...path, k]));
  if (shape.kind === "map" && isRecord(value))
    return Object.keys(value).flatMap((k) => nullPaths(value[k], shape.values, [...path, k]));
  if (shape.kind === "array" && Array.isArray(value))
    return value.flatMap((v: unknown, i) => nullPaths(v, shape.items, [...path, i]));
  return [];
}

const EXTRA_TOP_LEVEL = ["__provider"];

function objectProblem(value: unknown, shape: ObjectShape, path: Segment[]): string | undefined {
  if (!isRecord(value)) return `${showPath(path)} is not an object`;
  const extra = Object.keys(value).find(
    (k) => !(k in shape.properties) && !(path.length === 0 && EXTRA_TOP_LEVEL.includes(k)),
  );
  if (extra !== undefined) return `${showPath([...path, extra])} is not in the schema`;
  const missing = shape.required.find((k) => value[k] === undefined);
  if (missing !== undefined) return `${showPath([...path, missing])} is required`;
  for (const [k, s] of Object.entries(shape.properties)) {
    if (!Object.prototype.hasOwnProperty.call(value, k) || value[k] === undefined) continue;
    const problem = typeProblem(value[k], s, [...path, k]);
    if (problem) return problem;
  }
  return undefined;
}

/** Why a value is not of its schema type, or undefined when it is (the unknown sentinel is any type). */
export function typeProblem(value: unknown, shape: Shape, path: Segment[] = []): string | undefined {
  if (value === UNKNOWN) return undefined;
  const where = showPath(path) || "the inputs";
  switch (shape.kind) {
    case "string":
      if (typeof value !== "string") return `${where} is not a string`;
      return shape.values && !shape.values.includes(value) ? `${where} is not one of its values` : undefined;
    case "integer":
      return Number.isSafeInteger(value) ? undefined : `${where} is not a whole number`;
    case "number":
      return typeof value === "number" && Number.isFinite(value)
        ? undefined
        : `${where} is not a finite number`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `${where} is not a boolean`;
    case "array":
      if (!Array.isArray(value)) return `${where} is not a list`;
      for (const [i, v] of (value as unknown[]).entries()) {
        const problem = typeProblem(v, shape.items, [...path, i]);
        if (problem) return problem;
      }
      return undefined;
    case "map":
      if (!isRecord(value)) return `${where} is not a map`;
      for (const [k, v] of Object.entries(value)) {
        const problem = typeProblem(v, shape.values, [...path, k]);
        if (problem) return problem;
      }
      return undefined;
    case "object":
      return objectProblem(value, shape, path);
  }
}

/** Strings inside a value (bounded walk: deep hostile values are not secrets worth looking into). */
export function strings(value: unknown, depth = 0): string[] {
  if (typeof value === "string") return [value];
  if (depth > 8 || typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap((v: unknown) => strings(v, depth + 1));
}

/**
 * Secret strings that would be a leak if a reason held them: long enough and odd enough not to occur in
 * a reason by chance (not a plain word such as `undefined`), and not also the value of a non-secret
 * input (which a reason may quote).
 */
export function secretTexts(input: Record<string, unknown>, secrets: readonly string[]): string[] {
  const open = Object.entries(input)
    .filter(([k]) => !secrets.includes(k))
    .flatMap(([, v]) => strings(v));
  return secrets
    .flatMap((k) => strings(input[k]))
    .filter(
      (s) => s.length >= 8 && !/^[A-Za-z_]*$/.test(s) && s !== UNKNOWN && !open.some((o) => o.includes(s)),
    );
}

/**
 * A copy of a well-typed value with some of its parts (chosen by `pick`) replaced by the unknown
 * sentinel, as a preview sends values that are not known yet. Map keys stay: they are always known.
 */
export function withUnknowns(value: unknown, shape: Shape, pick: number): unknown {
  let counter = 0;
  const chosen = () => ((++counter * 2654435761 + pick) >>> 0) % 5 === 0;
  const walk = (v: unknown, s: Shape): unknown => {
    if (s.kind === "array" && Array.isArray(v))
      return v.map((x: unknown) => (chosen() ? UNKNOWN : walk(x, s.items)));
    if ((s.kind === "object" || s.kind === "map") && isRecord(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const inner = s.kind === "map" ? s.values : s.properties[k];
        const next = x === undefined || !inner ? x : chosen() ? UNKNOWN : walk(x, inner);
        Object.defineProperty(out, k, { value: next, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return v;
  };
  return walk(value, shape);
}
