import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { type Tenant } from "../client/types";
import { RESOURCE_META } from "../generated/schema";
import { type Props, recorded } from "./props";
import { sameSet, schemaDiff } from "./diff";
import { resourceHandlers } from "./handlers";
import { ownerAccess, ownerBody, ownerFailures, ownerOutputs } from "./owner";
import { checked } from "./checkResult";
import { MINUTE } from "./timeouts";
import type { ResourceImpl } from "./resourceImpl";

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

export function outputs(tenant: Tenant, props: Props): Props {
  return { ...recorded(meta, props), ...ownerOutputs(tenant) };
}

const post = (props: Props) => ({ listPath: "/v1/tenants", body: ownerBody(props) });

const handlers = resourceHandlers<Tenant>({
  meta,
  kind: "tenant",
  timeouts: TIMEOUTS,
  compare,
  path,
  ...ownerAccess<Tenant>(path),
  outputs,
  post,
});
export const { create, read, update, delete: remove } = handlers;

export const tenant: ResourceImpl = { check, diff, ...handlers };
