import { ApiError } from "../http/errors";
import type { Caller } from "../http/route";
import type { Platform } from "../platform";
import { checkPassword, type Subject } from "./tokens";

export const ADMIN_GROUP = "photon\\admins";

/** A caller and the token generation its tokens must carry; undefined for an unknown name. */
function identityOf(p: Platform, username: string): { caller: Caller; generation: string } | undefined {
  if (username === p.options.adminUsername) {
    const generation = p.tokens.derivedGeneration(`${username}:${p.options.adminPassword}`);
    return { caller: { username, groups: [ADMIN_GROUP], admin: true }, generation };
  }
  const user = p.store.get("user", username);
  if (!user?.tokenGeneration) return undefined;
  const caller = { username, groups: user.groups, admin: user.groups.includes(ADMIN_GROUP) };
  return { caller, generation: user.tokenGeneration };
}

/** What a token issued now for this caller carries. */
export function subjectOf(p: Platform, username: string): Subject {
  const identity = identityOf(p, username);
  if (!identity) throw new ApiError(401, "InvalidAuthToken", "Auth token is invalid");
  return { username, generation: identity.generation };
}

/** The caller a verified token speaks for, only while its name still has the generation it was issued at. */
function callerOfToken(p: Platform, subject: Subject): Caller | undefined {
  const identity = identityOf(p, subject.username);
  return identity && identity.generation === subject.generation ? identity.caller : undefined;
}

/** Checks a username and password: the configured admin or a stored user. */
export function login(p: Platform, username: string, password: string): Caller | undefined {
  if (username === p.options.adminUsername) {
    return password === p.options.adminPassword ? identityOf(p, username)?.caller : undefined;
  }
  const user = p.store.get("user", username);
  return user && checkPassword(password, user.passwordHash) ? identityOf(p, username)?.caller : undefined;
}

/** The bearer check with the codes of the reference. */
export function authenticate(p: Platform, header: string | undefined): Caller {
  if (header === undefined || header === "")
    throw new ApiError(401, "MissingAuthToken", "Missing auth token");
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match || match[1] === undefined) {
    throw new ApiError(400, "MalformedAuthToken", "Authorization header must be 'Bearer <token>'");
  }
  const result = p.tokens.verify(match[1], "access");
  if (!result.ok) {
    const message = result.code === "ExpiredAuthToken" ? "Auth token has expired" : "Auth token is invalid";
    throw new ApiError(401, result.code, message);
  }
  const caller = callerOfToken(p, result);
  if (!caller) throw new ApiError(401, "InvalidAuthToken", "Auth token is invalid (revoked)");
  return caller;
}

export function refreshCaller(p: Platform, refreshToken: string): Caller {
  const result = p.tokens.verify(refreshToken, "refresh");
  const caller = result.ok ? callerOfToken(p, result) : undefined;
  if (!caller)
    throw new ApiError(400, "InvalidGrant", "refresh_token is invalid, expired or revoked", {
      error: "invalid_grant",
    });
  return caller;
}
