/**
 * Photon's names (tenants, projects, networks, pools, policy rules) and security groups, one rule for
 * the provider's `check` and the controller. The patterns are also the server's JSON schemas, so the
 * OpenAPI document states them and the schema failure is worded by the rule (controller/http).
 */

/** A letter, then letters, digits or dashes. */
export const NAME_PATTERN = "^[a-zA-Z][a-zA-Z0-9-]*$";
export const NAME_MAX_LENGTH = 63;
/** Completes "<property> ..." for a name that is empty or too long. */
export const NAME_LENGTH_PROBLEM = `must be 1 to ${NAME_MAX_LENGTH} characters long`;
/** Completes "<property> ..." for a name with a character Photon does not take. */
export const NAME_CHARACTERS_PROBLEM = "must start with a letter and hold only letters, digits and dashes";

const NAME = new RegExp(NAME_PATTERN);

/** The problem with a name, or undefined when it is valid; the length is looked at first. */
export function nameProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > NAME_MAX_LENGTH) return NAME_LENGTH_PROBLEM;
  return NAME.test(name) ? undefined : NAME_CHARACTERS_PROBLEM;
}

/** `domain\group`: one backslash between two parts without blanks. */
export const GROUP_PATTERN = "^[^\\\\\\s]+\\\\[^\\\\\\s]+$";
/** Completes "<property> ..." for a security group not written `domain\group`. */
export const GROUP_PROBLEM = "must be written domain\\group";

const GROUP = new RegExp(GROUP_PATTERN);

export function securityGroupProblem(group: string): string | undefined {
  return GROUP.test(group) ? undefined : GROUP_PROBLEM;
}
