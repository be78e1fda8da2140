import swagger from "@fastify/swagger";
import { randomUUID } from "crypto";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { enforceScope, requireAdmin } from "./access";
import { authenticate } from "./auth/identity";
import { ApiError, invalidEntity } from "./http/errors";
import type { AnyRoute, Caller } from "./http/route";
import type { Platform } from "./platform";

declare module "fastify" {
  interface FastifyRequest {
    caller?: Caller;
  }
}

const OPEN_CALLER: Caller = { username: "", groups: [], admin: false };

interface ValidationIssue {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
  data?: unknown;
}

/** Properties whose values never reach an error body (host and user passwords, tokens). */
const SECRET_PROPERTY = /password|token|secret/i;

/**
 * Maps the framework's validation errors to InvalidEntity `<property> <problem> (was <value>)`; the value
 * of a secret property is not repeated.
 */
function validationError(issues: ValidationIssue[], context: string | undefined): ApiError {
  const first = issues[0];
  if (!first) return new ApiError(400, "InvalidEntity", "request is invalid");
  const path = first.instancePath.split("/").filter(Boolean);
  const missing = first.params["missingProperty"];
  if (typeof missing === "string")
    return invalidEntity([...path, missing].join("."), "may not be null", null);
  const property = path.join(".") || context || "body";
  const value = SECRET_PROPERTY.test(property) ? "<hidden>" : first.data;
  return invalidEntity(property, first.message ?? "is invalid", value);
}

function toApiError(err: FastifyError): ApiError {
  if (err instanceof ApiError) return err;
  if (err.validation) return validationError(err.validation as ValidationIssue[], err.validationContext);
  if (
    err.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
    err.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
    err instanceof SyntaxError
  ) {
    return new ApiError(400, "InvalidJson", err.message);
  }
  if (err.statusCode !== undefined && err.statusCode < 500)
    return new ApiError(err.statusCode, "InvalidRequest", err.message);
  return new ApiError(500, "InternalError", err.message);
}

function applyFaults(p: Platform, req: FastifyRequest, reply: FastifyReply): boolean {
  const faults = p.faults;
  if (!faults || req.url === "/v1/openapi.json") return false;
  const fault = faults.requestFault();
  if (fault === "none") return false;
  if (fault === "reset") {
    req.raw.socket.destroy();
    return true;
  }
  const error =
    fault === "unavailable"
      ? new ApiError(503, "OutOfThreadPoolWorker", "Server is busy, retry later")
      : new ApiError(429, "TooManyRequests", "Too many requests, retry later");
  void reply.code(error.status).header("Retry-After", String(faults.retryAfterSeconds)).send(error.toBody());
  return true;
}

function paused(p: Platform): boolean {
  return p.store.get("system", "system")?.state === "PAUSED";
}

function guard(p: Platform, r: AnyRoute, req: FastifyRequest): void {
  if (r.access === "open") return;
  const caller = authenticate(p, req.headers.authorization);
  req.caller = caller;
  if (r.access === "admin") requireAdmin(caller);
  if (r.scope) {
    const id = (req.params as Record<string, string>)[r.scope.param ?? "id"] ?? "";
    enforceScope(p, caller, r.scope.kind, id);
  }
  if (r.method !== "GET" && !r.allowWhenPaused && paused(p)) {
    throw new ApiError(403, "SystemPaused", "System is paused");
  }
}

function register(app: FastifyInstance, p: Platform, r: AnyRoute): void {
  app.route({
    method: r.method,
    url: r.url,
    schema: {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      security: r.access === "open" ? [] : [{ bearer: [] }],
      ...(r.params && { params: r.params }),
      ...(r.query && { querystring: r.query }),
      ...(r.body && { body: r.body }),
      ...(r.consumes && { consumes: r.consumes }),
    },
    onRequest: async (req) => guard(p, r, req),
    handler: async (req, reply) => {
      const result = await r.handler({
        params: req.params,
        query: req.query ?? {},
        body: req.body,
        caller: req.caller ?? OPEN_CALLER,
        p,
        requestId: req.id,
        path: req.url.split("?")[0] ?? req.url,
        baseUrl: `${req.protocol}://${req.host}`,
      });
      for (const [k, v] of Object.entries(result.headers ?? {})) void reply.header(k, v);
      return reply.code(result.status).send(result.body);
    },
  });
}

export async function buildServer(p: Platform, routes: AnyRoute[]): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    genReqId: () => randomUUID(),
    forceCloseConnections: true,
    ajv: { customOptions: { verbose: true } },
  });
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  await app.register(swagger, {
    openapi: {
      info: { title: "Photon Platform API (embedded controller)", version: "1.2.0-pulumi-photon" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
  });
  app.addHook("onRequest", async (req, reply) => {
    void reply.header("REQUEST-ID", req.id);
    if (applyFaults(p, req, reply)) return reply;
    return undefined;
  });
  app.addHook("onSend", async (req, _reply, payload) => {
    if (p.faults && req.method !== "GET" && p.faults.loseResponse()) req.raw.socket.destroy();
    return payload;
  });
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const api = toApiError(err);
    return reply.code(api.status).send(api.toBody());
  });
  app.setNotFoundHandler((req, reply) => {
    const err = new ApiError(404, "NotFound", `no route ${req.method} ${req.url.split("?")[0]}`);
    return reply.code(404).send(err.toBody());
  });
  for (const r of routes) register(app, p, r);
  app.get("/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}
