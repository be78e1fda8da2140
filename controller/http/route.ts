import type { Platform } from "../platform";
import type { PageStore } from "./pages";

export type JsonSchema = Record<string, unknown>;
export type Access = "open" | "user" | "admin";
export type ScopeKind = "tenant" | "project" | "network" | "subnet" | "service" | "disk" | "vm" | "task";
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who is calling: the system admin (group photon\admins) or a user with security groups. */
export interface Caller {
  username: string;
  groups: string[];
  admin: boolean;
}

export interface RequestContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Set on every route whose access is not "open". */
  caller: Caller;
  p: Platform;
  /** The HTTP layer's page links (lists only). */
  pages: PageStore;
  requestId: string;
  /** Path of the request without its query string. */
  path: string;
  /** Scheme, host and port the caller used, for selfLinks. */
  baseUrl: string;
  /** The client's IP address (the token endpoint takes passwords over plain HTTP from loopback only). */
  remoteAddress: string;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One operation of the API as data: its schemas (validated and published) and its handler. */
export interface RouteDef<P, Q, B> {
  method: Method;
  url: string;
  operationId: string;
  summary: string;
  tag: string;
  access: Access;
  /** Writes are refused with SystemPaused while the system is paused, unless this is set. */
  allowWhenPaused?: boolean;
  /**
   * Tenant isolation, declared: before validation, the path parameter `param` (default "id") is resolved
   * to an entity of `kind` and the caller must see its tenant (404 when it does not exist, 403 otherwise).
   */
  scope?: { kind: ScopeKind; param?: string };
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  /** The 200 answer as published in the OpenAPI document (entities: their id, kind and selfLink). */
  response?: JsonSchema;
  consumes?: string[];
  handler(ctx: RequestContext<P, Q, B>): Promise<Reply> | Reply;
}

export type AnyRoute = RouteDef<unknown, unknown, unknown>;

export function route<P = Record<string, string>, Q = Record<string, unknown>, B = undefined>(
  def: RouteDef<P, Q, B>,
): AnyRoute {
  return def as unknown as AnyRoute;
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}
