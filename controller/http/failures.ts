import type { FastifyError } from "fastify";
import { CIDR_PATTERN, cidrProblem } from "../../rules/cidr";
import { GROUP_PATTERN, NAME_PATTERN, nameProblem, securityGroupProblem } from "../../rules/names";
import { PORT_PATTERN, portProblem } from "../../rules/security-policy";
import { atLeastProblem, oneOfProblem, rangeProblem } from "../../rules/wording";
import { ApiError, cutEcho, invalidEntity, type ApiErrorCode } from "./errors";

/** One failure of the framework's validator (Ajv, verbose). */
export interface ValidationIssue {
  instancePath: string;
  keyword?: string;
  message?: string;
  params: Record<string, unknown>;
  data?: unknown;
  /** The schema the failing keyword belongs to (Ajv's verbose mode). */
  parentSchema?: Record<string, unknown>;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/**
 * The framework's validation failure as InvalidEntity `<property> <problem> (was <value>)`, naming the
 * property in the dotted style of the rest of the API. A whole body of the wrong shape is described by
 * its type only: its content may be anything, a password included.
 */
export function validationError(issues: ValidationIssue[], context: string | undefined): ApiError {
  const first = issues[0];
  if (!first) return new ApiError(400, "InvalidEntity", "request is invalid");
  const path = first.instancePath.split("/").filter(Boolean).map(unescapePointer);
  const name = (key?: string) => [propertyPath(path), key].filter(Boolean).join(".");
  const extra = first.params["additionalProperty"];
  if (typeof extra === "string")
    return invalidEntity(name(extra), "is not a writable property", valueAt(first.data, extra));
  const missing = first.params["missingProperty"];
  if (typeof missing === "string") return invalidEntity(name(missing), "may not be null", null);
  if (path.length === 0) {
    const part = context ?? "body";
    return new ApiError(
      400,
      "InvalidEntity",
      `${part} ${first.message ?? "is invalid"} (was ${kindOf(first.data)})`,
    );
  }
  const problem =
    first.data === null ? "may not be null" : (ruleWords(first) ?? first.message ?? "is invalid");
  return invalidEntity(name(), problem, first.data);
}

/** The rules whose pattern a schema fragment carries (http/schemas.ts). */
const RULE_OF_PATTERN: ReadonlyMap<string, (text: string) => string | undefined> = new Map([
  [NAME_PATTERN, nameProblem],
  [GROUP_PATTERN, securityGroupProblem],
  [CIDR_PATTERN, cidrProblem],
  [PORT_PATTERN, portProblem],
]);
const STRING_KEYWORDS = ["pattern", "minLength", "maxLength"];

/**
 * The rules' words for a schema failure, so that the server writes the sentence the provider's `check`
 * writes for the same mistake (decision 0005): a fragment carrying a rule's pattern is worded by that
 * rule, an enum lists its values, a minimum names the least number. Undefined keeps Ajv's words.
 */
function ruleWords(issue: ValidationIssue): string | undefined {
  const schema = issue.parentSchema ?? {};
  const { allowedValues, limit } = issue.params;
  if (issue.keyword === "enum" && Array.isArray(allowedValues))
    return oneOfProblem(allowedValues.map(String));
  const { minimum, maximum } = schema;
  // A number outside a range, or a fraction where a whole one is needed, is worded as the rules word it
  // (rangeProblem: a worker count, a surge).
  const outside =
    ["minimum", "maximum", "type"].includes(issue.keyword ?? "") && typeof issue.data === "number";
  if (outside && typeof minimum === "number" && typeof maximum === "number")
    return rangeProblem(minimum, maximum, schema["type"] === "integer");
  if (issue.keyword === "minimum" && typeof limit === "number")
    return atLeastProblem(limit, schema["type"] === "integer");
  const pattern = schema["pattern"];
  const rule = typeof pattern === "string" ? RULE_OF_PATTERN.get(pattern) : undefined;
  if (!rule || !STRING_KEYWORDS.includes(issue.keyword ?? "") || typeof issue.data !== "string")
    return undefined;
  return rule(issue.data);
}

function valueAt(parent: unknown, key: string): unknown {
  return parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined;
}

/** `rules[0].cidrs[1]`: the property style of the provider's `check`, so both name a field alike. */
export function propertyPath(segments: string[]): string {
  return segments.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), "");
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Framework failures that are the caller's, with the API's codes; everything else is InternalError. */
const FRAMEWORK_CODES: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "RequestTooLarge",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UnsupportedMediaType",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "InvalidRequest",
  FST_ERR_CTP_EMPTY_JSON_BODY: "InvalidJson",
  FST_ERR_CTP_INVALID_JSON_BODY: "InvalidJson",
  FST_ERR_BAD_URL: "InvalidUrl",
};

/** A malformed URL, named by its path only: its query may carry anything, a password included. */

export function badUrl(url: string): ApiError {
  const path = url.split("?")[0] ?? "";
  return new ApiError(400, "InvalidUrl", `path is not valid percent-encoding: ${cutEcho(path)}`);
}

/** Every failure a request can meet, in the API's `{code, message, data}` shape. */
export function toApiError(err: FastifyError): ApiError {
  if (err instanceof ApiError) return err;
  if (err.validation) return validationError(err.validation as ValidationIssue[], err.validationContext);
  const status = err.statusCode ?? 500;
  const code = FRAMEWORK_CODES[err.code];
  if (code === "UnsupportedMediaType")
    return new ApiError(
      415,
      code,
      "content-type must be application/json (form-encoded on the token endpoint)",
    );
  if (code) return new ApiError(status < 500 ? status : 400, code, cutEcho(err.message));
  if (err instanceof SyntaxError) return new ApiError(400, "InvalidJson", "body is not valid JSON");
  if (status < 500) return new ApiError(status, "InvalidRequest", cutEcho(err.message));
  return new ApiError(500, "InternalError", cutEcho(err.message));
}

/**
 * The answer written straight to a socket the HTTP parser gave up on (headers or request line too large,
 * malformed request), which never reaches a route: still JSON in the API's shape.
 */
export function rawClientErrorResponse(parserCode: string | undefined): string {
  const tooLarge = parserCode === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(
    tooLarge
      ? { code: "RequestTooLarge", message: "request line and headers exceed 16 KB", data: {} }
      : { code: "InvalidRequest", message: "request is not valid HTTP", data: {} },
  );
  const reason = tooLarge ? "Request Header Fields Too Large" : "Bad Request";
  return (
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
  );
}
