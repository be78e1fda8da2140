/* eslint-disable @typescript-eslint/no-require-imports -- the stub must load the installed package at run time */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type * as providerModule from "../provider";

type Provider = typeof providerModule;

/**
 * The serialized provider of a resource type: one small function that loads the installed package at
 * run time and hands it the method's name and arguments, and one line per method that calls it. Every
 * serialized function costs its own wrapper in every resource's state, so there is nothing else here.
 * State stays small, credentials are never captured (they come from `configure`), and an upgrade of
 * pulumi-photon reaches resources made by older versions (delete runs the stored stub). Nothing but
 * `type` may be captured here (decision 0501).
 */
function makeStub(type: string): dynamic.ResourceProvider {
  const c = (m: string, a: unknown[]) =>
    (require("pulumi-photon/provider") as Provider).call(type, m, a) as Promise<never>;
  return {
    configure: (...a) => c("configure", a),
    check: (...a) => c("check", a),
    diff: (...a) => c("diff", a),
    create: (...a) => c("create", a),
    read: (...a) => c("read", a),
    update: (...a) => c("update", a),
    delete: (...a) => c("delete", a),
  };
}

const stubs = new Map<string, dynamic.ResourceProvider>();

/** One stub object per type, so the SDK serializes each type's provider once per program. */
export function stubProvider(type: string): dynamic.ResourceProvider {
  let stub = stubs.get(type);
  if (!stub) {
    stub = makeStub(type);
    stubs.set(type, stub);
  }
  return stub;
}
