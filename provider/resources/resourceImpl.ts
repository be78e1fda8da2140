import type { CheckResult, DiffResult, ReadResult } from "@pulumi/pulumi/dynamic";
import type { PhotonClient } from "../client";
import type { Props } from "./props";

/** What a handler needs at run time: the configured client. */
export interface Context {
  readonly client: PhotonClient;
}

export interface Created {
  readonly id: string;
  readonly outs: Props;
}

/**
 * One resource: pure `check` and `diff`, then the handlers in lifecycle order. Inputs arrive as plain
 * property bags (what the engine sends); each resource reads them through its generated types.
 */
export interface ResourceImpl {
  check(olds: Props, news: Props): CheckResult<Props>;
  diff(id: string, olds: Props, news: Props): DiffResult;
  create(ctx: Context, inputs: Props): Promise<Created>;
  read(ctx: Context, id: string, props: Props): Promise<ReadResult<Props>>;
  update(ctx: Context, id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  delete(ctx: Context, id: string, props: Props): Promise<void>;
}
