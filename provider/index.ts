import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configure, context } from "./context";
import { isResourceType, REGISTRY } from "./registry";
import { PartialFailure } from "./resources/lifecycle";
import type { Props } from "./resources/props";
import type { ConfigSource } from "./settings";

export * from "./client";
export { REGISTRY } from "./registry";
export { RESOURCE_META, RESOURCE_TYPES } from "./generated/schema";
export type { ResourceType } from "./generated/schema";
export { resolveSettings } from "./settings";
export type { ConfigSource } from "./settings";
export { configure };

/** An error the engine shows as one sentence: no stack, no request body. */
function userFacing(e: unknown): unknown {
  if (e instanceof PartialFailure) return e;
  const error = new Error(e instanceof Error ? e.message : String(e));
  error.stack = error.message;
  return error;
}

async function guarded<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw userFacing(e);
  }
}

/** The dynamic provider of one resource type, as the serialized stubs call it. */
export function handlers(type: string): Required<Omit<dynamic.ResourceProvider<Props, Props>, "configure">> {
  if (!isResourceType(type))
    throw new Error(`pulumi-photon has no resource type ${type}: upgrade the pulumi-photon package`);
  const impl = REGISTRY[type];
  return {
    check: (olds, news) => guarded(() => impl.check(olds, news)),
    diff: (id, olds, news) => guarded(() => impl.diff(id, olds, news)),
    create: (inputs) => guarded(() => impl.create(context(), inputs)),
    read: (id, props) => guarded(() => impl.read(context(), id, props ?? {})),
    update: (id, olds, news) => guarded(() => impl.update(context(), id, olds, news)),
    delete: (id, props) => guarded(() => impl.delete(context(), id, props)),
  };
}

/**
 * The provider object of one resource type, as the serialized stub of every resource asks for it inside
 * the provider process (sdk/stub.ts): every method is this package's, so an upgrade reaches resources
 * made before it, and state holds one line per resource instead of a closure.
 */
export function stub(type: string): dynamic.ResourceProvider {
  const method =
    (name: string) =>
    (...args: unknown[]) =>
      call(type, name, args) as Promise<never>;
  return {
    configure: method("configure"),
    check: method("check"),
    diff: method("diff"),
    create: method("create"),
    read: method("read"),
    update: method("update"),
    delete: method("delete"),
  };
}

type Method = keyof ReturnType<typeof handlers>;
const METHODS: readonly string[] = ["check", "diff", "create", "read", "update", "delete"];

/**
 * The one entry point of the serialized stubs (sdk/stub.ts): runs `method` of resource `type` with the
 * engine's arguments. `configure` and `handlers` stay exported for stubs stored by older versions.
 */
export async function call(type: string, method: string, args: unknown[]): Promise<unknown> {
  if (method === "configure") {
    configure((args[0] as { config?: ConfigSource } | undefined)?.config);
    return undefined;
  }
  if (!METHODS.includes(method))
    throw new Error(`pulumi-photon has no provider method ${method}: upgrade the pulumi-photon package`);
  const handler = handlers(type)[method as Method] as (...a: unknown[]) => Promise<unknown>;
  return handler(...args);
}
