/* eslint-disable @typescript-eslint/no-require-imports -- the stub must load the installed package at run time */
import type * as dynamic from "@pulumi/pulumi/dynamic";

type Provider = typeof import("../provider");

/**
 * The serialized provider of a resource type: a few lines that load the installed package at run
 * time. State stays small, credentials are never captured (they come from `configure`), and an
 * upgrade of pulumi-photon reaches resources made by older versions (delete runs the stored stub).
 * Nothing but `type` may be captured here.
 */
function makeStub(type: string): dynamic.ResourceProvider {
  return {
    async configure(req) {
      (require("pulumi-photon/provider") as Provider).configure(req.config);
    },
    async check(olds, news) {
      return (require("pulumi-photon/provider") as Provider).handlers(type).check(olds, news);
    },
    async diff(id, olds, news) {
      return (require("pulumi-photon/provider") as Provider).handlers(type).diff(id, olds, news);
    },
    async create(inputs) {
      return (require("pulumi-photon/provider") as Provider).handlers(type).create(inputs);
    },
    async read(id, props) {
      return (require("pulumi-photon/provider") as Provider).handlers(type).read(id, props);
    },
    async update(id, olds, news) {
      return (require("pulumi-photon/provider") as Provider).handlers(type).update(id, olds, news);
    },
    async delete(id, props) {
      return (require("pulumi-photon/provider") as Provider).handlers(type).delete(id, props);
    },
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
