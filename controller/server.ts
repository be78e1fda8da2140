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
import { BODY_LIMIT_BYTES, parseFormBody, parseJsonBody } from "./http/body";
import { ApiError, cutEcho } from "./http/errors";
import { badUrl, rawClientErrorResponse, toApiError } from "./http/failures";
import { PageStore } from "./http/pages";
import type { AnyRoute, Caller } from "./http/route";
import { validatorCompiler } from "./http/validators";
import type { Platform } from "./platform";

declare module "fastify" {
  interface FastifyRequest {
    caller?: Caller;
  }
}

const OPEN_CALLER: Caller = { username: "", groups: [], admin: false };

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

function register(app: FastifyInstance, p: Platform, pages: PageStore, r: AnyRoute): void {
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
      ...(r.response && { response: { 200: r.response } }),
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
        pages,
        requestId: req.id,
        path: req.url.split("?")[0] ?? req.url,
        baseUrl: `${req.protocol}://${req.host}`,
        remoteAddress: req.ip,
      });
      for (const [k, v] of Object.entries(result.headers ?? {})) void reply.header(k, v);
      return reply.code(result.status).send(result.body);
    },
  });
}

/**
 * JSON and form bodies only, through parsers that limit nesting and refuse prototype keys; any other
 * content type (text/plain included) is 415 UnsupportedMediaType.
 */
function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const parse =
    (parser: (text: string) => unknown) =>
    (_req: FastifyRequest, body: string | Buffer, done: (err: Error | null, value?: unknown) => void) => {
      try {
        done(null, parser(String(body)));
      } catch (e) {
        done(e as Error);
      }
    };
  app.addContentTypeParser("application/json", { parseAs: "string" }, parse(parseJsonBody));
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, parse(parseFormBody));
}

/** `https`: the serving certificate and key (PEM) when the controller serves HTTPS (controller/tls.ts). */
export async function buildServer(
  p: Platform,
  routes: AnyRoute[],
  https?: { cert: string; key: string },
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(https && { https }),
    logger: false,
    genReqId: () => randomUUID(),
    forceCloseConnections: true,
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: (err, req, reply) => {
      const api = err.code === "FST_ERR_BAD_URL" ? badUrl(req.url) : toApiError(err);
      void (reply as FastifyReply).header("REQUEST-ID", req.id).code(api.status).send(api.toBody());
    },
    clientErrorHandler: (err: Error & { code?: string }, socket) => {
      if (socket.writable) socket.end(rawClientErrorResponse(err.code));
      else socket.destroy();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  registerBodyParsers(app);
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
    const err = new ApiError(
      404,
      "NotFound",
      `no route ${req.method} ${cutEcho(req.url.split("?")[0] ?? "")}`,
    );
    return reply.code(404).send(err.toBody());
  });
  const pages = new PageStore();
  for (const r of routes) register(app, p, pages, r);
  app.get("/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}
