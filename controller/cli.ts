#!/usr/bin/env node
import * as path from "path";
import { parseArgs } from "util";
import { startController, type ControllerOptions, type FaultOptions } from "./index";
import { KubernetesRuntime } from "./kube/runtime";

const USAGE = `usage: photon-controller --data DIR [--port 9000] [--host 127.0.0.1]
  [--tls | --tls-cert FILE --tls-key FILE] [--allow-insecure-http]
  [--admin-user admin] [--admin-password photon-admin] [--token-ttl-seconds 7200]
  [--task-step-delay-ms 0] [--maintenance-interval-ms 3600000] [--kubernetes real|none]
  [--fault-unavailable-rate R] [--fault-throttle-rate R] [--fault-reset-rate R] [--fault-lost-response-rate R]
  [--fault-retry-after-seconds N] [--fault-slow-step-ms N] [--fault-step-failure-rate R] [--fault-seed N]`;

const FAULT_FLAGS: Record<string, keyof FaultOptions> = {
  "fault-unavailable-rate": "unavailableRate",
  "fault-throttle-rate": "throttleRate",
  "fault-reset-rate": "resetRate",
  "fault-lost-response-rate": "lostResponseRate",
  "fault-retry-after-seconds": "retryAfterSeconds",
  "fault-slow-step-ms": "slowStepMs",
  "fault-step-failure-rate": "stepFailureRate",
  "fault-seed": "seed",
};

function num(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number (was ${value})`);
  return n;
}

type FlagValues = Record<string, string | boolean | undefined>;

/** --tls: a certificate from the controller's own CA; --tls-cert and --tls-key: the operator's PEM files. */
export function tlsFlags(v: FlagValues): Pick<ControllerOptions, "tls" | "allowInsecureHttp"> {
  const cert = v["tls-cert"];
  const key = v["tls-key"];
  if ((typeof cert === "string") !== (typeof key === "string"))
    throw new Error("--tls-cert FILE and --tls-key FILE go together");
  if (v["tls"] === true && typeof cert === "string")
    throw new Error("--tls makes its own certificate: give either --tls or --tls-cert and --tls-key");
  const tls =
    typeof cert === "string" && typeof key === "string"
      ? { certFile: cert, keyFile: key }
      : v["tls"] === true
        ? { selfSigned: true as const }
        : undefined;
  return { ...(tls && { tls }), ...(v["allow-insecure-http"] === true && { allowInsecureHttp: true }) };
}

/** real: every cluster gets a real control plane (the default); none: clusters are VMs only. */
export interface CliOptions extends ControllerOptions {
  kubernetes: "real" | "none";
}

const STRING_FLAGS = [
  "port",
  "host",
  "data",
  "admin-user",
  "admin-password",
  "token-ttl-seconds",
  "task-step-delay-ms",
  "maintenance-interval-ms",
  "kubernetes",
  "tls-cert",
  "tls-key",
  ...Object.keys(FAULT_FLAGS),
];
const CLI_OPTIONS = {
  ...Object.fromEntries(STRING_FLAGS.map((k) => [k, { type: "string" } as const])),
  tls: { type: "boolean" },
  "allow-insecure-http": { type: "boolean" },
} as const;

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({ args: argv, options: CLI_OPTIONS, strict: true });
  const v = values as Record<string, string | undefined>;
  const data = v["data"];
  if (!data) throw new Error("--data DIR is required");
  const faults: FaultOptions = {};
  let anyFault = false;
  for (const [flag, key] of Object.entries(FAULT_FLAGS)) {
    const n = num(flag, v[flag]);
    if (n !== undefined) {
      faults[key] = n;
      anyFault = true;
    }
  }
  const opt = (flag: string) => num(flag, v[flag]);
  const kubernetes = v["kubernetes"] ?? "real";
  if (kubernetes !== "real" && kubernetes !== "none")
    throw new Error(`--kubernetes must be real or none (was ${kubernetes})`);
  return {
    dataDir: data,
    kubernetes,
    port: opt("port") ?? 9000,
    ...(v["host"] && { host: v["host"] }),
    ...(v["admin-user"] && { adminUsername: v["admin-user"] }),
    ...(v["admin-password"] && { adminPassword: v["admin-password"] }),
    ...(opt("token-ttl-seconds") !== undefined && { tokenTtlSeconds: opt("token-ttl-seconds") }),
    ...(opt("task-step-delay-ms") !== undefined && { taskStepDelayMs: opt("task-step-delay-ms") }),
    ...(opt("maintenance-interval-ms") !== undefined && {
      maintenanceIntervalMs: opt("maintenance-interval-ms"),
    }),
    ...(anyFault && { faults }),
    ...tlsFlags(values as FlagValues),
  };
}

async function main(): Promise<void> {
  let options: ControllerOptions;
  try {
    const { kubernetes, ...parsed } = parseCli(process.argv.slice(2));
    options =
      kubernetes === "real"
        ? { ...parsed, clusterRuntime: new KubernetesRuntime({ dataDir: path.join(parsed.dataDir, "kube") }) }
        : parsed;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const controller = await startController(options);
  // Handlers before the "listening" line: whoever reads that line may signal at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`photon-controller stopping (${signal})\n`);
    controller.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`close failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.stdout.write(`photon-controller listening on ${controller.url}\n`);
  if (controller.ca)
    process.stdout.write(
      `photon-controller CA certificate: ${controller.ca.file} (clients trust it through photon:caCert or PHOTON_CA_CERT)\n`,
    );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`photon-controller failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
