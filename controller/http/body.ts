import { ApiError } from "./errors";

/** Largest request body the API reads (documented in docs/controller.md). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Deepest nesting of arrays and objects a JSON body may have; the API's own documents need fewer than 8. */
export const MAX_JSON_DEPTH = 32;

/** Keys that would reach an object's prototype through a merge, refused wherever they appear. */
const POISON_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * How deep a JSON text nests, counted without parsing, so that a hostile 10 KB document of 5,000 levels is
 * refused before any recursive code (the parser's reviver, the validator) sees it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91 /* { [ */) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93 /* } ] */) depth--;
  }
  return deepest;
}

function invalidJson(message: string): ApiError {
  return new ApiError(400, "InvalidJson", message);
}

/**
 * Parses a JSON body: nesting limited, prototype keys refused, and errors that never repeat the text
 * (the runtime's own message quotes it, passwords included).
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw invalidJson("body is empty; send a JSON document or no content-type");
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw invalidJson(`body nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (POISON_KEYS.has(key)) throw invalidJson(`body may not contain the key ${key}`);
      return value;
    });
  } catch (e) {
    if (e instanceof ApiError) throw e;
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : "")?.[1];
    throw invalidJson(`body is not valid JSON${at === undefined ? "" : ` (error at character ${at})`}`);
  }
}

/** Form bodies (the token endpoint): the same prototype-key rule as JSON. */
export function parseFormBody(text: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (POISON_KEYS.has(key)) throw invalidJson(`body may not contain the key ${key}`);
    form[key] = value;
  }
  return form;
}
