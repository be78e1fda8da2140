import { cidrProblem } from "../../rules/cidr";
import { isUnknown } from "./props";
import { ruleFailure, type Failure } from "./failures";

/** Check of a CIDR input by the CIDR rule (rules/cidr): failures name the property and the problem. */
export function checkCidrInput(property: string, value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (typeof value !== "string") return [{ property, reason: "must be a string in CIDR notation" }];
  return ruleFailure(property, cidrProblem(value), value);
}
