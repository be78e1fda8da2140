import { CLIENT_CODES, type ClientOptions, PhotonClient, PhotonError } from "./client";
import type { Context } from "./resources/resourceImpl";
import { type ConfigSource, resolveSettings } from "./settings";

/*
 * The handlers' context of this process: one client, made on first use from the stack configuration (or
 * the environment) that the stubs' `configure` handed over, and made again after the next `configure`.
 */

let source: ConfigSource | undefined;
let cached: PhotonClient | undefined;
let clientOptions: ClientOptions = {};

/** Called by every resource's stub `configure`: remembers the stack configuration (read lazily). */
export function configure(config: ConfigSource | undefined): void {
  source = config;
  cached = undefined;
}

/**
 * Client options (fast polling, a fake transport) for the tests only: not exported from the package's
 * index (`pulumi-photon/provider`), so no program can reach it.
 * @internal
 */
export function setClientOptions(options: ClientOptions): void {
  clientOptions = options;
  cached = undefined;
}

export function context(): Context {
  if (!cached) {
    const resolved = resolveSettings(source, process.env);
    if ("problem" in resolved)
      throw new PhotonError({ code: CLIENT_CODES.config, message: resolved.problem });
    cached = new PhotonClient(resolved.settings, clientOptions);
  }
  return { client: cached };
}
