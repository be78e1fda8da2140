import { ApiError, nameTaken } from "../http/errors";
import { listReply, type ListQuery } from "../http/lists";
import { omit } from "../http/replies";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { groupsSchema, idParams, listQuery, object } from "../http/schemas";
import type { User } from "../model";
import type { Platform } from "../platform";
import { login, refreshCaller, subjectOf } from "./identity";
import { hashPassword, newGeneration } from "./tokens";
import { requireSafePasswordTransport } from "./transport";

interface TokenBody {
  grant_type: "password" | "refresh_token";
  username?: string;
  password?: string;
  refresh_token?: string;
  scope?: string;
}

function grantError(message: string): ApiError {
  return new ApiError(400, "InvalidGrant", message, { error: "invalid_grant" });
}

function tokens(p: Platform, username: string) {
  const subject = subjectOf(p, username);
  return {
    access_token: p.tokens.issue(subject, "access"),
    refresh_token: p.tokens.issue(subject, "refresh"),
    id_token: p.tokens.issue(subject, "id"),
    token_type: "Bearer",
    expires_in: p.tokens.ttlSeconds,
  };
}

function issueTokens(ctx: RequestContext<unknown, unknown, TokenBody>) {
  const b = ctx.body;
  if (b.grant_type === "refresh_token") {
    if (!b.refresh_token) throw grantError("refresh_token may not be null");
    const caller = refreshCaller(ctx.p, b.refresh_token);
    return { status: 200, body: omit(tokens(ctx.p, caller.username), "refresh_token") };
  }
  requireSafePasswordTransport(ctx.baseUrl, ctx.remoteAddress);
  const caller = login(ctx.p, b.username ?? "", b.password ?? "");
  if (!caller) throw grantError("username or password is wrong");
  return { status: 200, body: tokens(ctx.p, caller.username) };
}

function loadUser(p: Platform, username: string): User {
  const user = p.store.get("user", username);
  if (!user) throw new ApiError(404, "UserNotFound", `user ${username} not found`);
  return user;
}

function userView(u: User) {
  return { username: u.username, groups: u.groups };
}

export const authRoutes: AnyRoute[] = [
  route<Record<string, string>, Record<string, unknown>, TokenBody>({
    method: "POST",
    url: "/openidconnect/token",
    operationId: "issueToken",
    summary: "OIDC token endpoint: password and refresh_token grants (form-encoded or JSON)",
    tag: "auth",
    access: "open",
    allowWhenPaused: true,
    consumes: ["application/x-www-form-urlencoded", "application/json"],
    body: object(
      {
        grant_type: { type: "string", enum: ["password", "refresh_token"] },
        username: { type: "string" },
        password: { type: "string" },
        refresh_token: { type: "string" },
        scope: { type: "string" },
      },
      ["grant_type"],
    ),
    handler: issueTokens,
  }),
  route({
    method: "GET",
    url: "/v1/system/auth",
    operationId: "getAuthInfo",
    summary: "Where tokens come from",
    tag: "auth",
    access: "open",
    handler: (ctx) => {
      const url = new URL(ctx.baseUrl);
      return {
        status: 200,
        body: { enabled: true, endpoint: url.hostname, port: Number(url.port), domain: "photon" },
      };
    },
  }),
  route({
    method: "GET",
    url: "/v1/available",
    operationId: "getAvailable",
    summary: "Liveness",
    tag: "system",
    access: "open",
    handler: () => ({ status: 200, body: {} }),
  }),
  route<
    Record<string, string>,
    Record<string, unknown>,
    { username: string; password: string; groups: string[] }
  >({
    method: "POST",
    url: "/v1/system/users",
    operationId: "createUser",
    summary: "Create a user with security groups (extension)",
    tag: "users",
    access: "admin",
    body: object(
      {
        username: { type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9][a-zA-Z0-9._@-]*$" },
        password: { type: "string", minLength: 1 },
        groups: groupsSchema,
      },
      ["username", "password", "groups"],
    ),
    handler: (ctx) => {
      const { username, password, groups } = ctx.body;
      if (username === ctx.p.options.adminUsername || ctx.p.store.get("user", username))
        throw nameTaken("user", username);
      const user: User = {
        id: username,
        username,
        passwordHash: hashPassword(password),
        groups,
        tokenGeneration: newGeneration(),
        createdTime: Date.now(),
      };
      ctx.p.store.put("user", user);
      return { status: 201, body: userView(user) };
    },
  }),
  route<Record<string, string>, ListQuery>({
    method: "GET",
    url: "/v1/system/users",
    operationId: "listUsers",
    summary: "Users (extension)",
    tag: "users",
    access: "admin",
    query: listQuery,
    handler: (ctx) => listReply(ctx, () => ctx.p.store.list("user"), userView),
  }),
  route<{ username: string }>({
    method: "DELETE",
    url: "/v1/system/users/:username",
    operationId: "deleteUser",
    summary: "Delete a user (extension)",
    tag: "users",
    access: "admin",
    params: idParams("username"),
    handler: (ctx) => {
      ctx.p.store.delete("user", loadUser(ctx.p, ctx.params.username).username);
      return { status: 204, body: undefined };
    },
  }),
  route<{ username: string }, Record<string, unknown>, { password?: string; groups?: string[] }>({
    method: "PATCH",
    url: "/v1/system/users/:username",
    operationId: "updateUser",
    summary: "Change a user's password or groups; revokes the tokens it had (extension)",
    tag: "users",
    access: "admin",
    params: idParams("username"),
    body: object({ password: { type: "string", minLength: 1 }, groups: groupsSchema }),
    handler: (ctx) => {
      const user = loadUser(ctx.p, ctx.params.username);
      const { password, groups } = ctx.body;
      const changed: User = {
        ...user,
        ...(password !== undefined && { passwordHash: hashPassword(password) }),
        ...(groups !== undefined && { groups }),
        tokenGeneration: newGeneration(),
      };
      ctx.p.store.put("user", changed);
      return { status: 200, body: userView(changed) };
    },
  }),
];
