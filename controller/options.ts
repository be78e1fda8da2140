import type { ClusterRuntime } from "./clusters/runtime";
import type { TlsOptions } from "./tls";

/** Fault injection for tests; nothing is injected unless ControllerOptions.faults is given. */
export interface FaultOptions {
  /** Share (0..1) of requests answered 503 OutOfThreadPoolWorker with Retry-After, before any effect. */
  unavailableRate?: number;
  /** Share of requests answered 429 TooManyRequests with Retry-After, before any effect. */
  throttleRate?: number;
  /** Share of requests whose connection is reset before the handler runs. */
  resetRate?: number;
  /** Share of writes that take effect but whose response is lost (connection reset after the handler). */
  lostResponseRate?: number;
  /** Retry-After in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Extra pause added to every asynchronous task step. */
  slowStepMs?: number;
  /** Share of asynchronous task steps that fail with InternalError. */
  stepFailureRate?: number;
  /** Seed of the fault generator, for reproducible runs (default: random). */
  seed?: number;
}

export interface ControllerOptions {
  /** 0 = a free port; the CLI defaults to 9000. */
  port?: number;
  /** Default "127.0.0.1". Any other address needs `tls` or `allowInsecureHttp`. */
  host?: string;
  /** HTTPS: the operator's certificate and key files, or `{ selfSigned: true }` for the controller's own CA
   * (made once in `<dataDir>/tls`). Default: plain HTTP, which is refused beyond loopback. */
  tls?: TlsOptions;
  /** Serve plain HTTP on a non-loopback host anyway (passwords and tokens then travel in clear text). */
  allowInsecureHttp?: boolean;
  /** The SQLite file (WAL) lives here. */
  dataDir: string;
  /** Defaults admin / photon-admin. */
  adminUsername?: string;
  adminPassword?: string;
  /** Access token lifetime, default 7200. */
  tokenTtlSeconds?: number;
  /** Pause before every asynchronous task step: 0 in tests, about 300 in demos. */
  taskStepDelayMs?: number;
  /** Period of the cluster maintenance (default 3600000, one hour). */
  maintenanceIntervalMs?: number;
  /** Off unless given. */
  faults?: FaultOptions;
  /** Default: the VM-only runtime (no Kubernetes API). */
  clusterRuntime?: ClusterRuntime;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir: string;
  adminUsername: string;
  adminPassword: string;
  tokenTtlSeconds: number;
  taskStepDelayMs: number;
  maintenanceIntervalMs: number;
  faults: FaultOptions | undefined;
}

export function resolveOptions(o: ControllerOptions): ResolvedOptions {
  return {
    port: o.port ?? 0,
    host: o.host ?? "127.0.0.1",
    dataDir: o.dataDir,
    adminUsername: o.adminUsername ?? "admin",
    adminPassword: o.adminPassword ?? "photon-admin",
    tokenTtlSeconds: o.tokenTtlSeconds ?? 7200,
    taskStepDelayMs: o.taskStepDelayMs ?? 0,
    maintenanceIntervalMs: o.maintenanceIntervalMs ?? 3_600_000,
    faults: o.faults,
  };
}
