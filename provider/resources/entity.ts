import type { ReadResult } from "@pulumi/pulumi/dynamic";
import { Deadline } from "../client";
import { ResourceMeta } from "../generated/schema";
import { obtain } from "./adopt";
import { Comparators, identityTag, Props } from "./common";
import { deleteOnce, Entity, refetch, settle, SettleSpec } from "./lifecycle";
import { deadlineFor, readLive } from "./shared";
import { Operation, TimeoutDefaults } from "./timeouts";
import { Context, Created } from "./types";

/** What a resource backed by one API object (`/v1/.../{id}`) declares; the handlers follow from it. */
export interface EntityDef<E extends Entity> {
  readonly meta: ResourceMeta;
  /** `host`, `storage pool`, ...: used in messages and deadlines. */
  readonly kind: string;
  readonly timeouts: TimeoutDefaults;
  readonly compare?: Comparators;
  readonly path: (id: string) => string;
  readonly outputs: (entity: E, props: Props) => Props;
  /** The collection a create POSTs to (and searches for its tagged object) and the body, tags aside. */
  readonly post: (props: Props) => { listPath: string; body: Props; secrets?: readonly string[] };
  /** The in-place changes that make a live object match the inputs. */
  readonly converge: (ctx: Context, entity: E, props: Props, deadline: Deadline) => Promise<void>;
  /** Query of the DELETE (`force`). */
  readonly deleteQuery?: (props: Props) => Record<string, boolean> | undefined;
}

export interface EntityHandlers<E extends Entity> {
  spec(ctx: Context, props: Props, op: Operation): SettleSpec<E>;
  create(ctx: Context, props: Props): Promise<Created>;
  read(ctx: Context, id: string, props: Props): Promise<ReadResult<Props>>;
  update(ctx: Context, id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  delete(ctx: Context, id: string, props: Props): Promise<void>;
}

/**
 * create (adopt, or make at most once, then converge), read (gone when deleted), update (wait for a
 * half-made object, then converge) and delete (already gone counts as deleted) of one API object.
 */
export function entityHandlers<E extends Entity>(def: EntityDef<E>): EntityHandlers<E> {
  const spec = (ctx: Context, props: Props, op: Operation): SettleSpec<E> => ({
    kind: def.kind,
    fetch: (id) => ctx.client.find<E>(def.path(id)),
    outputs: (e) => def.outputs(e, props),
    deadline: deadlineFor(def.kind, op, props, def.timeouts),
  });
  const converged = async (ctx: Context, entity: E, props: Props): Promise<Props> => {
    const update = spec(ctx, props, "update");
    await def.converge(ctx, entity, props, update.deadline);
    return def.outputs(await refetch(update, entity.id), props);
  };
  return {
    spec,
    async create(ctx, props) {
      const tag = identityTag(props.identity);
      const { listPath, body, secrets } = def.post(props);
      const post = {
        method: "POST" as const,
        path: listPath,
        body: { ...body, tags: tag ? [tag] : [] },
        secrets,
      };
      const found = await obtain<E>(ctx, def.meta, props, {
        ...spec(ctx, props, "create"),
        compare: def.compare,
        listPath,
        tag,
        post,
      });
      return { id: found.id, outs: await converged(ctx, found, props) };
    },
    read: (ctx, id, props) => readLive(def.meta, spec(ctx, props, "update"), id),
    async update(ctx, id, _olds, news) {
      const entity = await settle(ctx, spec(ctx, news, "update"), id);
      return { outs: await converged(ctx, entity, news) };
    },
    async delete(ctx, id, props) {
      const request = { method: "DELETE" as const, path: def.path(id), query: def.deleteQuery?.(props) };
      await deleteOnce(ctx, request, deadlineFor(def.kind, "delete", props, def.timeouts));
    },
  };
}
