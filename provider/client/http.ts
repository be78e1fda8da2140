import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from "axios";
import * as https from "https";
import * as http from "http";
import { TokenSource } from "./auth";
import { CLIENT_CODES, PhotonError } from "./errors";
import { type Limiter, limiterFor } from "./limiter";
import {
  DEFAULT_RETRY_POLICY,
  nextDelayMs,
  type Outcome,
  parseRetryAfterMs,
  type RetryPolicy,
  UNSENT_TRANSPORT_CODES,
} from "./retry";
import { tlsFailure } from "./tls";
import { type ApiErrorBody, type TokenAnswer } from "./types";

export interface ConnectionSettings {
  readonly endpoint: string;
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
  /** PEM text of the CA that signs the server's certificate. */
  readonly caCert?: string;
  readonly insecure?: boolean;
  readonly maxConcurrency?: number;
  readonly requestTimeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestSpec {
  readonly method: Method;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;
  readonly body?: unknown;
  /** POSTs are not repeated after a transport failure unless the caller says they are safe. */
  readonly idempotent?: boolean;
  /** Values of this request that must be masked in any error (a host password). */
  readonly secrets?: readonly string[];
}

export interface Answer<T> {
  readonly data: T;
  readonly requestId?: string;
}

export interface Transport {
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
}

export const REAL_TRANSPORT: Transport = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/** HTTP with auth, retries, a per-endpoint concurrency limit and error mapping. Knows no resource. */
export class HttpCore {
  readonly endpoint: string;
  private readonly axios: AxiosInstance;
  private readonly limiter: Limiter;
  private readonly retry: RetryPolicy;
  private readonly tokens: TokenSource;
  /** Whether photon:caCert was given: an untrusted certificate is then explained differently. */
  private readonly caGiven: boolean;

  constructor(
    settings: ConnectionSettings,
    readonly transport: Transport = REAL_TRANSPORT,
  ) {
    this.endpoint = settings.endpoint.replace(/\/+$/, "");
    this.caGiven = settings.caCert !== undefined;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...settings.retry };
    this.limiter = limiterFor(this.endpoint, settings.maxConcurrency ?? 8);
    this.axios = axios.create({
      baseURL: this.endpoint,
      timeout: settings.requestTimeoutMs ?? 30_000,
      validateStatus: () => true,
      httpsAgent: new https.Agent({
        keepAlive: true,
        ca: settings.caCert,
        rejectUnauthorized: settings.insecure !== true,
      }),
      httpAgent: new http.Agent({ keepAlive: true }),
      proxy: false,
    });
    this.tokens = new TokenSource(settings, (form) => this.requestToken(form), transport.now);
  }

  /** Sends one API request with retries; answers the parsed body or throws a PhotonError. */
  async request<T>(spec: RequestSpec): Promise<T> {
    return (await this.exchange<T>(spec)).data;
  }

  /** As `request`, with the server's request id of the answer. */
  async exchange<T>(spec: RequestSpec): Promise<Answer<T>> {
    const secrets = [...(spec.secrets ?? []), ...this.tokens.secrets()];
    try {
      return await this.withAuthRenewal<T>(spec);
    } catch (e) {
      throw e instanceof PhotonError ? e.redacted([...secrets, ...this.tokens.secrets()]) : e;
    }
  }

  private async withAuthRenewal<T>(spec: RequestSpec): Promise<Answer<T>> {
    try {
      return await this.withRetries<T>(spec, await this.tokens.current());
    } catch (e) {
      if (!(e instanceof PhotonError) || e.code !== "ExpiredAuthToken" || !this.tokens.renewable) throw e;
      return this.withRetries<T>(spec, await this.tokens.renew());
    }
  }

  private async withRetries<T>(spec: RequestSpec, token: string | undefined): Promise<Answer<T>> {
    const traits = { idempotent: spec.idempotent ?? spec.method !== "POST", read: spec.method === "GET" };
    for (let attempt = 1; ; attempt++) {
      const result = await this.limiter.run(() => this.once(spec, token));
      if (!(result instanceof PhotonError))
        return { data: result.data as T, requestId: header(result, "request-id") };
      const outcome = outcomeOf(result);
      const delay = nextDelayMs(attempt, outcome, traits, this.retry, this.transport.random);
      if (delay === undefined) throw result;
      await this.transport.sleep(delay);
    }
  }

  private async once(spec: RequestSpec, token: string | undefined): Promise<AxiosResponse | PhotonError> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      const response = await this.axios.request({
        method: spec.method,
        url: spec.path,
        params: spec.query,
        paramsSerializer: { indexes: null },
        data: spec.body,
        headers,
      });
      if (response.status >= 200 && response.status < 300) return response;
      return errorFromResponse(response, spec, this.transport.now());
    } catch (e) {
      return transportFailure(e, spec, this.caGiven);
    }
  }

  private async requestToken(form: Record<string, string>): Promise<TokenAnswer> {
    const spec: RequestSpec = { method: "POST", path: "/openidconnect/token", idempotent: true };
    for (let attempt = 1; ; attempt++) {
      let result: AxiosResponse | PhotonError;
      try {
        const response = await this.axios.post(spec.path, new URLSearchParams(form).toString(), {
          headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        });
        result = response.status === 200 ? response : errorFromResponse(response, spec, this.transport.now());
      } catch (e) {
        result = transportFailure(e, spec, this.caGiven);
      }
      if (!(result instanceof PhotonError)) return result.data as TokenAnswer;
      const delay = nextDelayMs(
        attempt,
        outcomeOf(result),
        { idempotent: true, read: false },
        this.retry,
        Math.random,
      );
      if (delay === undefined) throw result.redacted([form.password ?? "", form.refresh_token ?? ""]);
      await this.transport.sleep(delay);
    }
  }
}

/** A failed exchange without an answer: a TLS failure in words (never retried), or a transport error. */
function transportFailure(e: unknown, spec: RequestSpec, caGiven: boolean): PhotonError {
  const tls = tlsFailure(e, caGiven);
  if (!tls) return transportError(e, spec);
  const error = new PhotonError({ ...tls, method: spec.method, path: spec.path });
  OUTCOMES.set(error, { kind: "tls" });
  return error;
}

/** Carries the retry facts of a failure on the error itself so the loop can decide. */
const OUTCOMES = new WeakMap<PhotonError, Outcome>();

function outcomeOf(error: PhotonError): Outcome {
  return OUTCOMES.get(error) ?? { kind: "response", status: error.status ?? 0, code: error.code };
}

function header(response: AxiosResponse, name: string): string | undefined {
  const value: unknown = response.headers[name.toLowerCase()];
  return typeof value === "string" ? value : undefined;
}

function errorFromResponse(response: AxiosResponse, spec: RequestSpec, nowMs: number): PhotonError {
  const body = asErrorBody(response.data);
  const error = new PhotonError({
    status: response.status,
    code: body?.code ?? `HTTP${response.status}`,
    message: body?.message ?? (response.statusText || "no error body"),
    data: body?.data,
    requestId: header(response, "request-id"),
    method: spec.method,
    path: spec.path,
  });
  const retryAfterMs = parseRetryAfterMs(header(response, "retry-after"), nowMs);
  OUTCOMES.set(error, { kind: "response", status: response.status, code: error.code, retryAfterMs });
  return error;
}

function asErrorBody(data: unknown): ApiErrorBody | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const record = data as Record<string, unknown>;
  if (typeof record.code !== "string") return undefined;
  const message = typeof record.message === "string" ? record.message : "";
  const raw = record.data;
  const fields: Record<string, string> = {};
  if (typeof raw === "object" && raw !== null) {
    for (const [k, v] of Object.entries(raw)) if (typeof v === "string") fields[k] = v;
  }
  return { code: record.code, message, data: fields };
}

function transportError(e: unknown, spec: RequestSpec): PhotonError {
  const code = e instanceof AxiosError ? (e.code ?? "") : "";
  const cause = e instanceof AxiosError ? e.cause : undefined;
  const causeCode = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : "";
  const sysCode = UNSENT_TRANSPORT_CODES.includes(causeCode) ? causeCode : code || causeCode;
  const timeout = code === "ECONNABORTED" || code === "ETIMEDOUT";
  const error = new PhotonError({
    code: timeout ? CLIENT_CODES.timeout : CLIENT_CODES.transport,
    message: `${sysCode || "network failure"}: ${e instanceof Error ? e.message : String(e)}`,
    method: spec.method,
    path: spec.path,
  });
  OUTCOMES.set(error, { kind: "transport", sent: !UNSENT_TRANSPORT_CODES.includes(sysCode) });
  return error;
}
