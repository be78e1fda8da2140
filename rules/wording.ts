/**
 * The words every rule shares, so that the provider's `check` and the server's InvalidEntity write the
 * same sentence for the same mistake: `<property> <problem> (was <value>)` (decision 0005). A rule answers
 * the problem; each side names the property its input has and shows the value with `shownPlain`.
 */

/** A problem as the server reports it, found by a rule that looks at a whole typed object. */
export interface Problem {
  readonly property: string;
  readonly problem: string;
  readonly value: unknown;
}

/** Longest part of a string a message shows, counted after escaping: enough to recognise a value. */
const SHOWN_STRING_LENGTH = 64;
/** Longest list of plain values a message shows whole; a longer one is each side's to describe. */
const SHOWN_LIST_LENGTH = 120;

/**
 * A string escaped as in JSON (NUL and control characters written `\u0000`) and cut to
 * SHOWN_STRING_LENGTH, counted after escaping; the cut says how long the whole was. A 1 MB input never
 * becomes a 1 MB message, and the loop stops at the cut.
 */
export function cutText(text: string): { readonly head: string; readonly tail: string } {
  let head = "";
  for (const char of text) {
    const escaped = JSON.stringify(char).slice(1, -1);
    if (head.length + escaped.length > SHOWN_STRING_LENGTH)
      return { head, tail: `... (${text.length} characters)` };
    head += escaped;
  }
  return { head, tail: "" };
}

/** A string in JSON quotes, so that an empty or blank value stays visible: `"a b"`. */
export function quoted(text: string): string {
  const { head, tail } = cutText(text);
  return `"${head}"${tail}`;
}

/** A string without quotes, for values that read as words inside a problem (`use 10.0.0.0/8`). */
export function unquoted(text: string): string {
  const { head, tail } = cutText(text);
  return `${head}${tail}`;
}

type Plain = string | number | boolean | null | undefined;

function isPlain(value: unknown): value is Plain {
  return value === null || ["string", "number", "boolean", "undefined"].includes(typeof value);
}

function shownScalar(value: Plain): string {
  return typeof value === "string" ? quoted(value) : String(value);
}

/**
 * A value as a message shows it, when it is plain: a string quoted, a number as written (NaN stays NaN),
 * a boolean, null, or a short list of these as JSON writes it (`["80","443"]`). Undefined for anything
 * else (objects, nested or long lists), which each side describes in its own way; no rule shows one.
 */
export function shownPlain(value: unknown): string | undefined {
  if (isPlain(value)) return shownScalar(value);
  if (!Array.isArray(value) || value.length > SHOWN_LIST_LENGTH / 2) return undefined;
  const items: Plain[] = [...value];
  if (!items.every(isPlain)) return undefined;
  const text = `[${items.map((v) => (v === undefined ? "null" : shownScalar(v))).join(",")}]`;
  return text.length <= SHOWN_LIST_LENGTH ? text : undefined;
}

/** The problem of a value outside an enumeration. */
export function oneOfProblem(allowed: readonly string[]): string {
  return `must be one of ${allowed.join(", ")}`;
}

/** The problem of a number below its minimum (or not a number where one is needed). */
export function atLeastProblem(minimum: number, whole: boolean): string {
  return `must be a ${whole ? "whole number" : "number"} of at least ${minimum}`;
}

/** The problem of a number outside a closed range (or not a number, or not whole where one is needed). */
export function rangeProblem(minimum: number, maximum: number, whole: boolean): string {
  return `must be a ${whole ? "whole number" : "number"} from ${minimum} to ${maximum}`;
}
