/** The one error type at the client boundary: callers branch on `code`. */

/** The task step that failed, when a task carried the error. */
export interface FailedStep {
  readonly operation: string;
  readonly sequence: number;
}

export interface PhotonErrorInit {
  readonly status?: number;
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  readonly method?: string;
  readonly path?: string;
  readonly taskOperation?: string;
  readonly step?: FailedStep;
  readonly data?: Readonly<Record<string, string>>;
  /** The entity a failed task was about (it may exist, half made). */
  readonly entityId?: string;
}

/** Codes the client itself gives to failures that never got an answer from the server. */
export const CLIENT_CODES = {
  transport: "TransportError",
  timeout: "Timeout",
  badResponse: "BadResponse",
  config: "ConfigError",
} as const;

/** A failed Photon API call or task, described in one sentence without any secret or stack. */
export class PhotonError extends Error {
  readonly status?: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId?: string;
  readonly method?: string;
  readonly path?: string;
  readonly taskOperation?: string;
  readonly step?: FailedStep;
  readonly data: Readonly<Record<string, string>>;
  readonly entityId?: string;

  constructor(init: PhotonErrorInit) {
    super(describe(init));
    this.name = "PhotonError";
    this.status = init.status;
    this.code = init.code;
    this.detail = init.message;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.taskOperation = init.taskOperation;
    this.step = init.step;
    this.data = init.data ?? {};
    this.entityId = init.entityId;
  }

  /** Copies this error with the given secrets masked in its message and data. */
  redacted(secrets: readonly string[]): PhotonError {
    const live = secrets.filter((s) => s.length >= 3);
    if (live.length === 0) return this;
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.data)) data[k] = redact(v, live);
    return new PhotonError({ ...this.fields(), message: redact(this.detail, live), data });
  }

  private fields(): PhotonErrorInit {
    return {
      status: this.status,
      code: this.code,
      message: this.detail,
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      taskOperation: this.taskOperation,
      step: this.step,
      data: this.data,
      entityId: this.entityId,
    };
  }
}

export function isPhotonError(e: unknown, code?: string): e is PhotonError {
  return e instanceof PhotonError && (code === undefined || e.code === code);
}

/** True for any "not found" answer: `NotFound` and its typed variants (`HostNotFound`, ...). */
export function isNotFound(e: unknown): boolean {
  return (
    e instanceof PhotonError && (e.status === 404 || /NotFound$/.test(e.code)) && e.code !== "PageExpired"
  );
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 3) out = out.split(secret).join("[secret]");
  return out;
}

/** `Photon API POST /v1/tenants: NameTaken: name taken (HTTP 400, request id r-1)`. */
export function describe(init: PhotonErrorInit): string {
  const where = init.taskOperation
    ? `Photon task ${init.taskOperation}${init.step ? ` failed at step ${init.step.operation} (#${init.step.sequence})` : " failed"}`
    : `Photon API ${init.method ?? ""} ${init.path ?? ""}`.replace(/\s+/g, " ").trim();
  const facts = [
    init.status !== undefined ? `HTTP ${init.status}` : "",
    init.requestId ? `request id ${init.requestId}` : "",
  ]
    .filter((f) => f !== "")
    .join(", ");
  const message = init.message.replace(/\s+$/, "").replace(/\.$/, "");
  return `${where}: ${init.code}: ${message}${facts ? ` (${facts})` : ""}`;
}
