import type { TokenService } from "./auth/tokens";
import type { ClusterRuntime } from "./clusters/runtime";
import type { FaultInjector } from "./faults";
import type { ResolvedOptions } from "./options";
import type { Store } from "./store/db";
import type { SecretBox } from "./store/secrets";
import type { TaskEngine } from "./tasks/engine";

/** Everything a handler or a task step may use. */
export interface Platform {
  store: Store;
  engine: TaskEngine<Platform>;
  tokens: TokenService;
  runtime: ClusterRuntime;
  options: ResolvedOptions;
  faults: FaultInjector | undefined;
  /** Seals and opens the secrets the controller must read back (host passwords). */
  secrets: SecretBox;
}
