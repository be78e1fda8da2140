/** Photon's name rule: a letter, then letters, digits or dashes; 1 to 63 characters. */
export const NAME_RE = /^[a-zA-Z][a-zA-Z0-9-]*$/;

/** The problem with a name, or undefined when it is valid. */
export function nameProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > 63) return "must be 1 to 63 characters long";
  if (!NAME_RE.test(name)) return "must start with a letter and hold only letters, digits and dashes";
  return undefined;
}

/** Security groups are written `domain\group`. */
export function securityGroupProblem(group: string): string | undefined {
  return /^[^\\\s]+\\[^\\\s]+$/.test(group) ? undefined : "must be written domain\\group";
}
