import { ApiError } from "../http/errors";
import type { Caller } from "../http/route";
import type { Platform } from "../platform";
import { checkPassword } from "./tokens";

export const ADMIN_GROUP = "photon\\admins";

function callerOf(p: Platform, username: string): Caller | undefined {
  if (username === p.options.adminUsername) return { username, groups: [ADMIN_GROUP], admin: true };
  const user = p.store.get("user", username);
  if (!user) return undefined;
  return { username, groups: user.groups, admin: user.groups.includes(ADMIN_GROUP) };
}

/** Checks a username and password: the configured admin or a stored user. */
export function login(p: Platform, username: string, password: string): Caller | undefined {
  if (username === p.options.adminUsername) {
    return password === p.options.adminPassword ? callerOf(p, username) : undefined;
  }
  const user = p.store.get("user", username);
  return user && checkPassword(password, user.passwordHash) ? callerOf(p, username) : undefined;
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
  const caller = callerOf(p, result.username);
  if (!caller) throw new ApiError(401, "InvalidAuthToken", "Auth token is invalid");
  return caller;
}

export function refreshCaller(p: Platform, refreshToken: string): Caller {
  const result = p.tokens.verify(refreshToken, "refresh");
  const caller = result.ok ? callerOf(p, result.username) : undefined;
  if (!caller)
    throw new ApiError(400, "InvalidGrant", "refresh_token is invalid or expired", {
      error: "invalid_grant",
    });
  return caller;
}
