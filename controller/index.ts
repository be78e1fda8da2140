import { randomBytes } from "crypto";
import type { FastifyInstance } from "fastify";
import { allOperations, allRoutes } from "./api";
import { subjectOf } from "./auth/identity";
import { TokenService } from "./auth/tokens";
import { runPeriodicMaintenance } from "./clusters/maintenance";
import type { ClusterRuntime, RestoredCluster } from "./clusters/runtime";
import { VmOnlyRuntime } from "./clusters/vm-only-runtime";
import { clusterVms, imageVersion, isNode, nodeSpec } from "./clusters/vms";
import { FaultInjector } from "./faults";
import { resolveOptions, type ControllerOptions, type ResolvedOptions } from "./options";
import type { Platform } from "./platform";
import { buildServer } from "./server";
import { Store } from "./store/db";
import { SecretBox } from "./store/secrets";
import { seed } from "./system/seed";
import { TaskEngine } from "./tasks/engine";
import { platformVolumes } from "./volumes/platformVolumes";
import { refusePlainHttpBeyondLoopback, servingTls, type ControllerCa } from "./tls";

export type { ControllerOptions, FaultOptions } from "./options";
export type { ControllerCa, TlsOptions } from "./tls";
export type { ClusterRuntime, NodeSpec, NodeState, RestoredCluster } from "./clusters/runtime";
export { VmOnlyRuntime } from "./clusters/vm-only-runtime";
export { ApiError } from "./http/errors";

export interface RunningController {
  /** http://… or, with `tls`, https://… */
  url: string;
  /** With `tls: { selfSigned: true }`: the CA clients must trust (photon:caCert), its file and PEM text. */
  ca?: ControllerCa;
  adminToken(): Promise<string>;
  close(): Promise<void>;
  /** Tasks found QUEUED or STARTED at start-up (resumed, or failed when they cannot resume). */
  resumedTasks: number;
  /** The runtime in use (tests cordon or lose nodes through VmOnlyRuntime). */
  runtime: ClusterRuntime;
  /** Starts the periodic cluster maintenance now; answers how many clusters it started on. */
  runMaintenance(): number;
  /**
   * @internal Test hook, not API: the store, engine and options, for tests that inspect or pace the
   * controller from inside. Programs use the HTTP API.
   */
  platform: Platform;
}

function tokenSecret(store: Store): Buffer {
  let secret = store.getMeta("token-secret");
  if (!secret) {
    secret = randomBytes(32).toString("hex");
    store.setMeta("token-secret", secret);
  }
  return Buffer.from(secret, "hex");
}

/** Hands the runtime the clusters it had and the hosts that are down, before any task resumes. */
async function restoreRuntime(p: Platform): Promise<void> {
  const clusters: RestoredCluster[] = p.store.list("service").map((c) => ({
    clusterId: c.id,
    version: p.store.get("image", c.imageId)?.kubernetesVersion ?? imageVersion(p, c.imageId),
    nodes: clusterVms(p, c.id)
      .filter((vm) => isNode(vm) && vm.state === "STARTED")
      .map((vm) => nodeSpec(p, vm)),
  }));
  await p.runtime.restore(clusters);
  for (const h of p.store.list("host").filter((x) => x.state === "ERROR"))
    await p.runtime.setHostHealth(h.id, false);
}

/** The platform on a seeded store, its engine knowing every operation (nothing resumed yet). */
function platform(store: Store, o: ResolvedOptions, runtime: ClusterRuntime): Platform {
  const faults = o.faults ? new FaultInjector(o.faults) : undefined;
  const engine = new TaskEngine<Platform>({
    store,
    stepDelayMs: () => o.taskStepDelayMs,
    faults,
    platform: () => p,
  });
  const p: Platform = {
    store,
    engine,
    tokens: new TokenService(tokenSecret(store), o.tokenTtlSeconds),
    runtime,
    options: o,
    faults,
    secrets: SecretBox.forDataDir(o.dataDir),
  };
  for (const op of allOperations) engine.register(op);
  runtime.useVolumes?.(platformVolumes(p));
  return p;
}

export async function startController(options: ControllerOptions): Promise<RunningController> {
  const o = resolveOptions(options);
  refusePlainHttpBeyondLoopback(o.host, options.tls !== undefined, options.allowInsecureHttp === true);
  const store = new Store(o.dataDir);
  const runtime = options.clusterRuntime ?? new VmOnlyRuntime();
  let app: FastifyInstance | undefined;
  let engine: Platform["engine"] | undefined;
  try {
    // Before any task resumes: a certificate that cannot be read or made stops the start cleanly.
    const tls = options.tls && servingTls(options.tls, o.dataDir, o.host);
    seed(store);
    const p = platform(store, o, runtime);
    engine = p.engine;
    await restoreRuntime(p);
    const resumedTasks = engine.resumeAll();
    app = await buildServer(p, allRoutes(o.faults !== undefined), tls && { cert: tls.cert, key: tls.key });
    const address = await app.listen({ port: o.port, host: o.host });
    const timer = setInterval(() => runPeriodicMaintenance(p), o.maintenanceIntervalMs);
    timer.unref();
    const server = app;
    const running = engine;
    return {
      url: address.replace("[::1]", "localhost"),
      ...(tls?.ca && { ca: tls.ca }),
      adminToken: async () => p.tokens.issue(subjectOf(p, o.adminUsername), "access"),
      resumedTasks,
      runtime: p.runtime,
      runMaintenance: () => runPeriodicMaintenance(p),
      platform: p,
      close: async () => {
        clearInterval(timer);
        await server.close();
        await running.close();
        await runtime.close();
        store.close();
      },
    };
  } catch (e) {
    // A start that fails half-way (a port in use, a bad certificate) leaves no control plane or task behind.
    await app?.close();
    await engine?.close();
    await runtime.close();
    store.close();
    throw e;
  }
}
