import { shownPlain } from "../../rules/wording";

/** Every code the controller answers (a client must still accept codes it does not know). */
export const API_ERROR_CODES = [
  "InvalidEntity",
  "InvalidJson",
  "InvalidUrl",
  "InvalidRequest",
  "InvalidGrant",
  "InvalidPageSize",
  "NameTaken",
  "StateError",
  "ConcurrentTask",
  "QuotaError",
  "SpecInvalid",
  "HostHasVms",
  "DuplicateHost",
  "ContainerNotEmpty",
  "FlavorInUse",
  "StoragePoolInUse",
  "NotEnoughCpuResource",
  "NotEnoughMemoryResource",
  "NotEnoughDatastoreCapacity",
  "MissingAuthToken",
  "MalformedAuthToken",
  "InvalidAuthToken",
  "ExpiredAuthToken",
  "AccessForbidden",
  "SystemPaused",
  "InsecureTransport",
  "NotFound",
  "TenantNotFound",
  "ProjectNotFound",
  "NetworkNotFound",
  "SubnetNotFound",
  "HostNotFound",
  "ZoneNotFound",
  "DatastoreNotFound",
  "StoragePoolNotFound",
  "DiskNotFound",
  "FlavorNotFound",
  "ImageNotFound",
  "ClusterNotFound",
  "VmNotFound",
  "TaskNotFound",
  "UserNotFound",
  "PageExpired",
  "RequestTooLarge",
  "UnsupportedMediaType",
  "TooManyRequests",
  "OutOfThreadPoolWorker",
  // A node of an upgrade or a maintenance could not be drained in the cluster's drain timeout.
  "DrainTimeout",
  "InternalError",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error type of the controller: status, Photon code, message and a string map of details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly data: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, data: this.data };
  }
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  data: Record<string, string>;
}

/** Properties whose values never reach an error body or a log (host and user passwords, tokens, keys). */
export const SECRET_PROPERTY = /password|token|secret|credential|private.?key/i;
/** Longest echo of a bad value: enough to recognise it, too short to carry a document back. */
export const ECHO_LIMIT = 120;

/**
 * `<property> <problem> (was <value>)`, the sentence the provider's `check` writes for the same mistake
 * (decision 0005). The value is hidden when the property is secret, redacted where it holds secret
 * properties, and cut short.
 */
export function invalidEntity(property: string, problem: string, value: unknown): ApiError {
  const leaf = property.split(".").pop() ?? property;
  const shown = SECRET_PROPERTY.test(leaf) ? "<hidden>" : render(value);
  return new ApiError(400, "InvalidEntity", `${property} ${problem} (was ${shown})`);
}

/** Plain values as the rules show them (strings quoted, escaped and cut); anything else as JSON. */
/** An echoed text cut to ECHO_LIMIT characters, saying how long it was. */
export function cutEcho(text: string): string {
  return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT)}... (${text.length} characters)`;
}

export function render(value: unknown): string {
  const plain = shownPlain(value);
  if (plain !== undefined) return plain;
  return cutEcho(JSON.stringify(redact(value)));
}

/** A copy of value with the values of secret properties replaced, at every depth (depth-limited input). */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) copy[k] = SECRET_PROPERTY.test(k) ? "<hidden>" : redact(v);
  return copy;
}

/** `Invalid operation <OP> for <kind>/<id> in state <STATE>` with an optional reason after a colon. */
export function stateError(op: string, kind: string, id: string, state: string, reason?: string): ApiError {
  const base = `Invalid operation ${op} for ${kind}/${id} in state ${state}`;
  return new ApiError(400, "StateError", reason ? `${base}: ${reason}` : base);
}

export function notFound(kind: string, id: string, code: ApiErrorCode = "NotFound"): ApiError {
  return new ApiError(404, code, `${kind} ${id} not found`);
}

export function forbidden(message = "Access forbidden"): ApiError {
  return new ApiError(403, "AccessForbidden", message);
}

export function nameTaken(kind: string, name: string): ApiError {
  return new ApiError(400, "NameTaken", `${kind} name ${name} is already taken`);
}

export function concurrentTask(kind: string, id: string, taskId: string): ApiError {
  return new ApiError(400, "ConcurrentTask", `${kind}/${id} is locked by task ${taskId}`, { taskId });
}

export function internalError(cause: unknown): ApiError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(500, "InternalError", message);
}

export function asApiError(cause: unknown): ApiError {
  return cause instanceof ApiError ? cause : internalError(cause);
}
