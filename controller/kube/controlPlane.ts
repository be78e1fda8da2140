import * as fs from "fs";
import * as https from "https";
import * as path from "path";
import { type KubernetesBinaries } from "../../toolchain/binaries";
import { type ClusterPki, ensureClusterPki, kubeconfigFor } from "./certs";
import { freePort, ManagedProcess } from "./process";

export interface ControlPlaneOptions {
  /** Cluster name, used in certificates and kubeconfig. */
  readonly name: string;
  /** Folder for this cluster's PKI, kubeconfigs and logs. */
  readonly dir: string;
  readonly etcdUrl: string;
  /** etcd key prefix of this cluster, e.g. /clusters/<id>; isolates it from the others. */
  readonly etcdPrefix: string;
  readonly binaries: KubernetesBinaries;
  /** Port to serve on; a free one when absent (a restarted cluster keeps its port when it can). */
  readonly port?: number;
  readonly readyTimeoutMs?: number;
}

/** kube-apiserver, kube-controller-manager and kube-scheduler of one cluster, on loopback. */
export class ControlPlane {
  private constructor(
    readonly name: string,
    readonly url: string,
    readonly port: number,
    readonly pki: ClusterPki,
    readonly kubeconfigPath: string,
    private readonly processes: ManagedProcess[],
  ) {}

  static async start(options: ControlPlaneOptions): Promise<ControlPlane> {
    const pki = ensureClusterPki(path.join(options.dir, "pki"), options.name);
    const port = options.port ?? (await freePort());
    const url = `https://127.0.0.1:${port}`;
    const kubeconfigPath = path.join(options.dir, "admin.kubeconfig");
    fs.writeFileSync(kubeconfigPath, kubeconfigFor(pki, url, options.name), { mode: 0o600 });
    const logs = path.join(options.dir, "logs");
    fs.mkdirSync(logs, { recursive: true });
    const bin = options.binaries;
    const apiserver = ManagedProcess.start(
      "kube-apiserver",
      bin.kubeApiserver,
      apiserverArgs(options, pki, port),
      path.join(logs, "kube-apiserver.log"),
    );
    const plane = new ControlPlane(options.name, url, port, pki, kubeconfigPath, [apiserver]);
    try {
      await apiserver.waitUntil(() => plane.ready(), options.readyTimeoutMs ?? 90_000, 250);
      plane.processes.push(
        ManagedProcess.start(
          "kube-controller-manager",
          bin.kubeControllerManager,
          controllerManagerArgs(kubeconfigPath, pki),
          path.join(logs, "kube-controller-manager.log"),
        ),
        ManagedProcess.start(
          "kube-scheduler",
          bin.kubeScheduler,
          schedulerArgs(kubeconfigPath),
          path.join(logs, "kube-scheduler.log"),
        ),
      );
    } catch (error) {
      await plane.stop();
      throw error;
    }
    return plane;
  }

  get pids(): number[] {
    return this.processes.flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
  }

  /** The components that exited on their own (a crashed scheduler, say). */
  get exited(): string[] {
    return this.processes.filter((p) => !p.running).map((p) => p.name);
  }

  kubeconfig(): string {
    return fs.readFileSync(this.kubeconfigPath, "utf8");
  }

  /** True when the API server answers /readyz with "ok". */
  ready(): Promise<boolean> {
    return new Promise((resolve) => {
      const request = https.get(
        `${this.url}/readyz`,
        {
          ca: fs.readFileSync(this.pki.caCert),
          cert: fs.readFileSync(this.pki.adminCert),
          key: fs.readFileSync(this.pki.adminKey),
          timeout: 2000,
        },
        (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve(response.statusCode === 200 && body.trim() === "ok"));
        },
      );
      request.on("error", () => resolve(false));
      request.on("timeout", () => request.destroy());
    });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes].reverse().map((p) => p.stop()));
  }
}

function apiserverArgs(options: ControlPlaneOptions, pki: ClusterPki, port: number): string[] {
  return [
    `--etcd-servers=${options.etcdUrl}`,
    `--etcd-prefix=${options.etcdPrefix}`,
    "--bind-address=127.0.0.1",
    "--advertise-address=127.0.0.1",
    `--secure-port=${port}`,
    `--cert-dir=${pki.dir}`,
    `--tls-cert-file=${pki.serverCert}`,
    `--tls-private-key-file=${pki.serverKey}`,
    `--client-ca-file=${pki.caCert}`,
    `--service-account-key-file=${pki.serviceAccountPub}`,
    `--service-account-signing-key-file=${pki.serviceAccountKey}`,
    "--service-account-issuer=https://kubernetes.default.svc",
    "--service-cluster-ip-range=10.96.0.0/16",
    "--authorization-mode=RBAC",
    "--allow-privileged=true",
    // One API server per cluster on loopback: no endpoint reconciliation, no profiling endpoints.
    "--endpoint-reconciler-type=none",
    "--profiling=false",
    "--v=0",
  ];
}

/** What the controller-manager and the scheduler share: the admin kubeconfig, no serving port, no election. */
function clientComponentArgs(kubeconfig: string): string[] {
  return [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    "--bind-address=127.0.0.1",
    "--secure-port=0",
    "--leader-elect=false",
    "--profiling=false",
    "--v=0",
  ];
}

function controllerManagerArgs(kubeconfig: string, pki: ClusterPki): string[] {
  return [
    ...clientComponentArgs(kubeconfig),
    `--service-account-private-key-file=${pki.serviceAccountKey}`,
    `--root-ca-file=${pki.caCert}`,
    "--use-service-account-credentials=false",
    // Nodes are kwok's: a node that stops heartbeating turns NotReady after 20 s, not 40.
    "--node-monitor-grace-period=20s",
  ];
}

function schedulerArgs(kubeconfig: string): string[] {
  return clientComponentArgs(kubeconfig);
}
