import * as fs from "fs";
import * as path from "path";
import { freePort, ManagedProcess } from "./process";

/** Annotation by which kwok recognizes the nodes it keeps alive. */
export const KWOK_NODE_ANNOTATION = "kwok.x-k8s.io/node";
export const KWOK_NODE_ANNOTATION_VALUE = "fake";

// Parallelism is spelled out: with a config file given, kwok 0.8 leaves these at 0 and refuses to start.
const KWOK_CONFIGURATION = `apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokConfiguration
options:
  nodeLeaseParallelism: 4
  nodePlayStageParallelism: 4
  podPlayStageParallelism: 4
  podsOnNodeSyncParallelism: 4
`;

/**
 * kwok for one cluster: heartbeats and leases for the nodes carrying the kwok annotation, and pods bound to
 * them driven to Running and through deletion. It has no kubelet: containers do not run.
 */
export class Kwok {
  private constructor(private readonly process: ManagedProcess) {}

  static async start(
    binary: string,
    stages: readonly string[],
    kubeconfigPath: string,
    dir: string,
  ): Promise<Kwok> {
    fs.mkdirSync(dir, { recursive: true });
    // An explicit configuration, so that a stray ~/.kwok/kwok.yaml cannot change behaviour.
    const config = path.join(dir, "kwok.yaml");
    fs.writeFileSync(config, KWOK_CONFIGURATION);
    const args = [
      `--kubeconfig=${kubeconfigPath}`,
      `--config=${[config, ...stages].join(",")}`,
      "--manage-all-nodes=false",
      `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION}=${KWOK_NODE_ANNOTATION_VALUE}`,
      `--server-address=127.0.0.1:${await freePort()}`,
      "--node-lease-duration-seconds=40",
      "--cidr=10.244.0.0/16",
    ];
    return new Kwok(ManagedProcess.start("kwok", binary, args, path.join(dir, "kwok.log")));
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get running(): boolean {
    return this.process.running;
  }

  logTail(): string {
    return this.process.logTail();
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
