import * as fs from "fs";
import * as path from "path";
import { freePort, ManagedProcess } from "./process";

/** One etcd on loopback; every cluster keeps its objects under its own key prefix in it. */
export class Etcd {
  private constructor(
    readonly url: string,
    private readonly process: ManagedProcess,
  ) {}

  static async start(etcdBinary: string, dataDir: string, timeoutMs = 30_000): Promise<Etcd> {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const [clientPort, peerPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${clientPort}`;
    const peer = `http://127.0.0.1:${peerPort}`;
    const args = [
      "--name=photon",
      `--data-dir=${path.join(dataDir, "data")}`,
      `--listen-client-urls=${url}`,
      `--advertise-client-urls=${url}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=photon=${peer}`,
      "--log-level=warn",
    ];
    const process = ManagedProcess.start("etcd", etcdBinary, args, path.join(dataDir, "etcd.log"));
    const etcd = new Etcd(url, process);
    try {
      await process.waitUntil(() => etcd.healthy(), timeoutMs);
    } catch (error) {
      await process.stop();
      throw error;
    }
    return etcd;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  async healthy(): Promise<boolean> {
    const response = await fetch(`${this.url}/health`);
    return response.ok && ((await response.json()) as { health?: string }).health === "true";
  }

  /** Deletes every key under `prefix` (a cluster's whole state) through etcd's JSON gateway. */
  async deletePrefix(prefix: string): Promise<number> {
    const answer = await this.onRange("deleterange", prefix, {});
    return Number((answer as { deleted?: string }).deleted ?? 0);
  }

  /** How many keys live under `prefix`. */
  async countPrefix(prefix: string): Promise<number> {
    const answer = await this.onRange("range", prefix, { count_only: true });
    return Number((answer as { count?: string }).count ?? 0);
  }

  /** Calls a KV operation of etcd's JSON gateway on the key range `[prefix, prefix with its last byte + 1)`. */
  private async onRange(operation: "range" | "deleterange", prefix: string, extra: object): Promise<unknown> {
    const end = Buffer.from(prefix);
    end[end.length - 1] = (end[end.length - 1] ?? 0) + 1;
    const body = { key: Buffer.from(prefix).toString("base64"), range_end: end.toString("base64"), ...extra };
    const response = await fetch(`${this.url}/v3/kv/${operation}`, {
      method: "POST",
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`etcd ${operation} of ${prefix} answered HTTP ${response.status}`);
    return response.json();
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
