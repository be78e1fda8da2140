import { PhotonError } from "../client";
import { type ResourceMeta } from "../generated/schema";
import { containsUnknown, isUnknown, type Props } from "./props";
import { checkName, checkType, type Failure } from "./failures";
import { changedInputs, type Comparators } from "./diff";
import {
  BUSY_STATES,
  createOnce,
  type CreateSpec,
  type Entity,
  GONE_STATES,
  knownString,
  settle,
} from "./lifecycle";
import type { Context } from "./resourceImpl";
import { shown } from "./wording";

/**
 * Adoption of existing objects (dynamic resources cannot be imported): `adoptId` names the object by
 * id, `adoptName` by its unique name (a host's address). See docs/decisions/0505.
 */

/** The input that is an object's unique name on the server: `name`, or `address` for hosts. */
export function nameKey(meta: ResourceMeta): "name" | "address" {
  return meta.inputs.includes("name") ? "name" : "address";
}

/** A create's spec plus the resource's comparators (set-like lists), to compare an adopted object. */
export type AdoptSpec<E extends Entity> = CreateSpec<E> & { readonly compare?: Comparators };

const known = (v: unknown): v is string => typeof v === "string" && v !== "" && !isUnknown(v);

/** check's rules: one way to adopt, and an adoptName that agrees with the name input. */
export function checkAdoption(meta: ResourceMeta, inputs: Props): Failure[] {
  const failures = [...checkType("adoptId", inputs.adoptId, "string")];
  const byName = inputs.adoptName;
  if (byName === undefined || byName === null) return failures;
  const key = nameKey(meta);
  failures.push(
    ...(key === "name" ? checkName("adoptName", byName) : checkType("adoptName", byName, "string")),
  );
  if (known(byName) && known(inputs.adoptId))
    failures.push({
      property: "adoptName",
      reason: "conflicts with adoptId: adopt by id or by name, not both",
    });
  if (known(byName) && known(inputs[key]) && byName !== inputs[key] && meta.replaceOnChanges.includes(key)) {
    failures.push({
      property: "adoptName",
      reason: `must equal ${key} (${shown(inputs[key])}): the adopted object keeps its ${key}, which cannot change in place`,
    });
  }
  return failures;
}

/** The adopted object must already have every input that cannot change in place. */
function checkAdopted<E extends Entity>(
  meta: ResourceMeta,
  spec: AdoptSpec<E>,
  how: string,
  e: E,
  inputs: Props,
): void {
  const live = spec.outputs(e);
  const conflicts = changedInputs(meta, live, inputs, spec.compare).filter(
    (k) => meta.replaceOnChanges.includes(k) && !meta.secrets.includes(k) && !containsUnknown(inputs[k]),
  );
  if (conflicts.length === 0) return;
  const what = conflicts
    .map((k) => `${k} ${JSON.stringify(live[k])} (the ${k} input is ${JSON.stringify(inputs[k])})`)
    .join(", ");
  throw new PhotonError({
    code: "AdoptConflict",
    message: `${how}: ${spec.kind} ${e.id} has ${what}, which cannot change in place; set the inputs to the object's values or adopt another object`,
  });
}

async function byId<E extends Entity>(spec: CreateSpec<E>, id: string): Promise<E> {
  const entity = await spec.fetch(id);
  if (!entity || GONE_STATES.includes(entity.state ?? ""))
    throw new PhotonError({ code: "NotFound", message: `adoptId: no ${spec.kind} with id ${id} exists` });
  return entity;
}

async function byName<E extends Entity>(
  ctx: Context,
  spec: CreateSpec<E>,
  key: string,
  name: string,
): Promise<E> {
  const all = await ctx.client.list<E>(spec.listPath);
  const found = all.filter(
    (e) => (e as unknown as Props)[key] === name && !GONE_STATES.includes(e.state ?? ""),
  );
  const [first] = found;
  if (!first)
    throw new PhotonError({
      code: "NotFound",
      message: `adoptName: no ${spec.kind} with ${key} "${name}" exists`,
    });
  if (found.length > 1)
    throw new PhotonError({
      code: "AdoptConflict",
      message: `adoptName: ${found.length} ${spec.kind} objects have ${key} "${name}" (${found.map((e) => e.id).join(", ")}); use adoptId`,
    });
  // The object as `fetch` answers it: a list item may hold less (a cluster's VMs and kubeconfig).
  return (await spec.fetch(first.id)) ?? first;
}

/**
 * The object a create manages: the one named by `adoptId` or `adoptName` (waited for if still being
 * made, checked against the inputs it cannot change), or else one made at most once by `createOnce`.
 */
export async function obtain<E extends Entity>(
  ctx: Context,
  meta: ResourceMeta,
  inputs: Props,
  spec: AdoptSpec<E>,
): Promise<E> {
  const id = knownString(inputs.adoptId);
  const name = knownString(inputs.adoptName);
  if (!id && !name) return createOnce(ctx, spec);
  const how = id ? "adoptId" : "adoptName";
  const found = id ? await byId(spec, id) : await byName(ctx, spec, nameKey(meta), name ?? "");
  checkAdopted(meta, spec, how, found, inputs);
  return BUSY_STATES.includes(found.state ?? "") ? settle(ctx, spec, found.id) : found;
}
