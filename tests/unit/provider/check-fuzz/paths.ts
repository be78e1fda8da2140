/**
 * Failure properties as paths into the input: `name`, `securityPolicy.rules[0].cidrs[1]`,
 * `quota["vm.cpu"].limit`, `["odd key"]`. Fields are written `.field` (or `["field"]` when the key is
 * not an identifier), list items `[i]` and map keys `["key"]` (JSON string syntax).
 */
export type Segment = string | number;

const FIRST = /^(?:([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/;
const NEXT = /^(?:\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** A quoted key; undefined when it is not valid JSON (a raw control character, say). */
function quoted(text: string | undefined): string | undefined {
  try {
    return JSON.parse(text ?? "") as string;
  } catch {
    return undefined;
  }
}

/** The segments of a property path, or undefined when the text is not one. */
export function parsePath(text: string): Segment[] | undefined {
  const first = FIRST.exec(text);
  if (!first) return undefined;
  const head = first[1] ?? quoted(first[2]);
  if (head === undefined) return undefined;
  const segments: Segment[] = [head];
  let rest = text.slice(first[0].length);
  while (rest !== "") {
    const next = NEXT.exec(rest);
    if (!next) return undefined;
    if (next[1] !== undefined) segments.push(next[1]);
    else if (next[2] !== undefined) segments.push(Number(next[2]));
    else {
      const key = quoted(next[3]);
      if (key === undefined) return undefined;
      segments.push(key);
    }
    rest = rest.slice(next[0].length);
  }
  return segments;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value one step down, by own property only (an `__proto__` key is data, not the prototype). */
export function child(
  value: unknown,
  segment: Segment,
): { readonly found: boolean; readonly value?: unknown } {
  if (typeof segment === "number")
    return Array.isArray(value) && segment < value.length
      ? { found: true, value: value[segment] }
      : { found: false };
  if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, segment))
    return { found: true, value: value[segment] };
  return { found: false };
}

export function samePath(a: readonly Segment[], b: readonly Segment[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

export function showPath(segments: readonly Segment[]): string {
  return segments.map((s) => (typeof s === "number" ? `[${s}]` : `[${JSON.stringify(s)}]`)).join("");
}
