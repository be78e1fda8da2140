import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { Tenant } from "../client/types";
import { RESOURCE_META } from "../generated/schema";
import { Props, sameSet, schemaDiff } from "./common";
import { Live, ownerBody, ownerFailures, ownerHandlers, ownerOutputs } from "./owner";
import { checked, MINUTE, recorded } from "./shared";
import { ResourceImpl } from "./types";

const meta = RESOURCE_META.Tenant;
const TIMEOUTS = { create: 5 * MINUTE, update: 5 * MINUTE, delete: 5 * MINUTE };
const path = (id: string) => `/v1/tenants/${encodeURIComponent(id)}`;
const compare = { securityGroups: sameSet };

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, ownerFailures);
}

export function diff(_id: string, olds: Props, news: Props): DiffResult {
  return schemaDiff(meta, olds, news, compare);
}

export function outputs(live: Live<Tenant>, props: Props): Props {
  return { ...recorded(meta, props), ...ownerOutputs(live) };
}

const post = (props: Props) => ({ listPath: "/v1/tenants", body: ownerBody(props) });

const handlers = ownerHandlers<Tenant>({
  meta,
  kind: "tenant",
  timeouts: TIMEOUTS,
  compare,
  path,
  outputs,
  post,
});
export const { create, read, update, delete: remove } = handlers;

export const tenant: ResourceImpl = { check, diff, ...handlers };
