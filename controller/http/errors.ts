/** The one error type of the controller: status, Photon code, message and a string map of details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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
  code: string;
  message: string;
  data: Record<string, string>;
}

export function invalidEntity(property: string, problem: string, value: unknown): ApiError {
  return new ApiError(400, "InvalidEntity", `${property} ${problem} (was ${render(value)})`);
}

export function render(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  return JSON.stringify(value);
}

/** `Invalid operation <OP> for <kind>/<id> in state <STATE>` with an optional reason after a colon. */
export function stateError(op: string, kind: string, id: string, state: string, reason?: string): ApiError {
  const base = `Invalid operation ${op} for ${kind}/${id} in state ${state}`;
  return new ApiError(400, "StateError", reason ? `${base}: ${reason}` : base);
}

export function notFound(kind: string, id: string, code = "NotFound"): ApiError {
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
