import type { CheckResult } from "@pulumi/pulumi/dynamic";
import type { ResourceMeta } from "../generated/schema";
import { checkAdoption } from "./adopt";
import { checkShape, checkType, type Failure, nullFailures } from "./failures";
import { type Props, withDefaults } from "./props";
import { checkTimeouts } from "./timeouts";

/** Failures every resource shares: shape, adoption, timeouts, the identity the SDK sets. */
export function commonFailures(meta: ResourceMeta, inputs: Props): Failure[] {
  return [
    ...checkShape(meta, inputs),
    ...checkAdoption(meta, inputs),
    ...checkTimeouts(inputs.timeouts),
    ...checkType("identity", inputs.identity, "string"),
  ];
}

/**
 * Builds a check result: defaults filled, null inputs refused (looked for before defaults replace
 * them), and no second failure for a property already refused as null.
 */
export function checked(
  meta: ResourceMeta,
  news: Props,
  rules: (inputs: Props) => Failure[],
): CheckResult<Props> {
  const nulls = nullFailures(meta, news);
  const refused = new Set(nulls.map((f) => f.property));
  const inputs = withDefaults(meta, news);
  const others = [...commonFailures(meta, inputs), ...rules(inputs)].filter((f) => !refused.has(f.property));
  return { inputs, failures: [...nulls, ...others] };
}
