import * as fs from "fs";
import { type ConnectionSettings } from "./client";

/** What `configure` receives: the stack's configuration, keys with their namespace (`photon:endpoint`). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Each setting: its stack configuration key and its environment fallback. */
export const SETTINGS = {
  endpoint: ["photon:endpoint", "PHOTON_ENDPOINT"],
  token: ["photon:token", "PHOTON_TOKEN"],
  username: ["photon:username", "PHOTON_USERNAME"],
  password: ["photon:password", "PHOTON_PASSWORD"],
  caCert: ["photon:caCert", "PHOTON_CA_CERT"],
  insecure: ["photon:insecure", "PHOTON_INSECURE"],
} as const;

export type Resolved = { readonly settings: ConnectionSettings } | { readonly problem: string };

function pick(
  config: ConfigSource | undefined,
  env: NodeJS.ProcessEnv,
  name: keyof typeof SETTINGS,
): string | undefined {
  const [key, variable] = SETTINGS[name];
  const value = config?.get(key) ?? env[variable];
  return value === undefined || value === "" ? undefined : value;
}

/** PEM text as given, or read from the file it names. */
export function readCaCert(
  value: string | undefined,
  readFile: (p: string) => string = (p) => fs.readFileSync(p, "utf8"),
): string | undefined {
  if (value === undefined) return undefined;
  return value.includes("-----BEGIN") ? value : readFile(value);
}

/** Stack configuration first, then PHOTON_* variables; the problem names what is missing. */
export function resolveSettings(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): Resolved {
  const endpoint = pick(config, env, "endpoint");
  if (!endpoint)
    return {
      problem:
        "photon:endpoint is not set: run `pulumi config set photon:endpoint <url>` or set PHOTON_ENDPOINT",
    };
  if (!/^https?:\/\/[^/]+/.test(endpoint))
    return { problem: `photon:endpoint must be an http(s) URL (was ${endpoint})` };
  const token = pick(config, env, "token");
  const username = pick(config, env, "username");
  const password = pick(config, env, "password");
  if (!token && (username === undefined) !== (password === undefined)) {
    return { problem: "photon:username and photon:password must be set together (or set photon:token)" };
  }
  const insecure = pick(config, env, "insecure");
  if (insecure !== undefined && !["true", "false"].includes(insecure))
    return { problem: `photon:insecure must be true or false (was ${insecure})` };
  let caCert: string | undefined;
  try {
    caCert = readCaCert(pick(config, env, "caCert"));
  } catch (e) {
    return {
      problem: `photon:caCert names no readable PEM file (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  const settings: ConnectionSettings = token
    ? { endpoint, token, caCert }
    : { endpoint, username, password, caCert };
  return { settings: { ...settings, insecure: insecure === "true" } };
}
