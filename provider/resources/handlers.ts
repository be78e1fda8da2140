import type { ReadResult } from "@pulumi/pulumi/dynamic";
import type { Deadline } from "../client";
import type { ResourceMeta } from "../generated/schema";
import { obtain } from "./adopt";
import type { Comparators } from "./diff";
import {
  deleteOnce,
  type Entity,
  GONE,
  identityTag,
  PartialFailure,
  refetch,
  settle,
  type SettleSpec,
} from "./lifecycle";
import type { Props } from "./props";
import type { Context, ResourceImpl } from "./resourceImpl";
import { deadlineFor, type Operation, type TimeoutDefaults } from "./timeouts";

/**
 * What a resource backed by one API object (`/v1/.../{id}`) declares. The create, read, update and
 * delete of every resource follow from it in `resourceHandlers`: one flow, so a fix to adoption,
 * identity tags, partial failures or deadlines reaches every resource (docs/decisions/0506).
 */
export interface ResourceDeclaration<E extends Entity> {
  readonly meta: ResourceMeta;
  /** `host`, `storage pool`, ...: used in messages and deadlines. */
  readonly kind: string;
  readonly timeouts: TimeoutDefaults;
  readonly compare?: Comparators;
  readonly path: (id: string) => string;
  /** The object by id, where its outputs need more than a GET of `path(id)` (a tenant's quota). */
  readonly fetch?: (ctx: Context, id: string) => Promise<E | undefined>;
  readonly outputs: (entity: E, props: Props) => Props;
  /**
   * The collection a create POSTs to (and searches for its tagged object) and the body, tags aside;
   * asynchronous where the body needs a lookup (a cluster's image id from its Kubernetes version).
   */
  readonly post: (props: Props, ctx: Context) => PostSpec | Promise<PostSpec>;
  /** The in-place changes that make a live object match the inputs. */
  readonly converge: (ctx: Context, entity: E, props: Props, deadline: Deadline) => Promise<void>;
  /** Query of the DELETE (`force`). */
  readonly deleteQuery?: (props: Props) => Record<string, boolean> | undefined;
  /**
   * Outputs an update carries from the old state into the props its outputs are built from, for
   * outputs that must stay byte-stable (a cluster's kubeconfig).
   */
  readonly carried?: readonly string[];
}

export interface PostSpec {
  readonly listPath: string;
  readonly body: Props;
  readonly secrets?: readonly string[];
}

/** The handlers that follow from a declaration; a resource with its own delete overrides `delete`. */
export type ResourceHandlers = Omit<ResourceImpl, "check" | "diff">;

/** A read answer whose inputs are the live values: a refresh of an untouched object shows no diff. */
function readAnswer(meta: ResourceMeta, id: string, outs: Props): ReadResult<Props> {
  const inputs = Object.fromEntries(
    [...meta.inputs, "identity"].filter((k) => outs[k] !== undefined).map((k) => [k, outs[k]]),
  );
  return { id, props: outs, inputs };
}

/**
 * create (adopt, or make at most once, then converge), read (gone when deleted), update (wait for a
 * half-made object, then converge) and delete (already gone counts as deleted) of one API object.
 */
export function resourceHandlers<E extends Entity>(def: ResourceDeclaration<E>): ResourceHandlers {
  const fetch = (ctx: Context, id: string) =>
    def.fetch ? def.fetch(ctx, id) : ctx.client.find<E>(def.path(id));
  const spec = (ctx: Context, props: Props, op: Operation): SettleSpec<E> => ({
    kind: def.kind,
    fetch: (id) => fetch(ctx, id),
    outputs: (e) => def.outputs(e, props),
    deadline: deadlineFor(def.kind, op, props, def.timeouts),
  });
  const converged = async (ctx: Context, entity: E, props: Props): Promise<Props> => {
    const update = spec(ctx, props, "update");
    await def.converge(ctx, entity, props, update.deadline);
    return def.outputs(await refetch(update, entity.id), props);
  };
  return {
    async create(ctx, props) {
      const found = await obtainOnce(ctx, def, props, spec(ctx, props, "create"));
      try {
        return { id: found.id, outs: await converged(ctx, found, props) };
      } catch (e) {
        // The object exists: a failure after it was made keeps its id in state (no zombie).
        throw e instanceof PartialFailure
          ? e
          : new PartialFailure(found.id, def.outputs(found, props), [reason(e)]);
      }
    },
    async read(ctx, id, props) {
      const entity = await fetch(ctx, id);
      return entity && entity.state !== "DELETED"
        ? readAnswer(def.meta, id, def.outputs(entity, props))
        : GONE;
    },
    async update(ctx, id, olds, news) {
      const props = { ...news, ...carriedFrom(def, olds) };
      const entity = await settle(ctx, spec(ctx, props, "update"), id);
      return { outs: await converged(ctx, entity, props) };
    },
    async delete(ctx, id, props) {
      const request = { method: "DELETE" as const, path: def.path(id), query: def.deleteQuery?.(props) };
      await deleteOnce(ctx, request, deadlineFor(def.kind, "delete", props, def.timeouts));
    },
  };
}

function carriedFrom<E extends Entity>(def: ResourceDeclaration<E>, olds: Props): Props {
  return Object.fromEntries(
    (def.carried ?? []).filter((k) => olds[k] !== undefined).map((k) => [k, olds[k]]),
  );
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The object a create manages: adopted, found by its identity tag, or POSTed tagged with it. */
async function obtainOnce<E extends Entity>(
  ctx: Context,
  def: ResourceDeclaration<E>,
  props: Props,
  settling: SettleSpec<E>,
): Promise<E> {
  const tag = identityTag(props.identity);
  const { listPath, body, secrets } = await def.post(props, ctx);
  const post = {
    method: "POST" as const,
    path: listPath,
    body: { ...body, tags: tag ? [tag] : [] },
    secrets,
  };
  return obtain<E>(ctx, def.meta, props, { ...settling, compare: def.compare, listPath, tag, post });
}
