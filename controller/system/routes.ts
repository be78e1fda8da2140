import { ApiError } from "../http/errors";
import { must, taskReply } from "../http/replies";
import { route, type AnyRoute } from "../http/route";
import { object } from "../http/schemas";
import type { SystemState } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { KUBERNETES_VERSIONS } from "./seed";

function system(p: Platform): SystemState {
  return must(p.store.get("system", "system"), "system", "system");
}

interface SystemInput {
  state?: SystemState["state"];
  type?: string;
  imageId?: string;
}

function systemOp(operation: string): OperationDef<SystemInput> {
  return {
    operation,
    inline: true,
    steps: () => [
      {
        name: operation,
        run: ({ p, input }) => {
          const s = system(p);
          if (input.state) s.state = input.state;
          if (input.type && input.imageId) s.serviceConfigs[input.type] = input.imageId;
          p.store.put("system", s);
        },
      },
    ],
  };
}

export const pauseSystem = systemOp("PAUSE_SYSTEM");
export const resumeSystem = systemOp("RESUME_SYSTEM");
export const enableServiceType = systemOp("ENABLE_SERVICE_TYPE");
export const systemOperations = [pauseSystem, resumeSystem, enableServiceType];

function submitSystem(p: Platform, def: OperationDef<SystemInput>, input: SystemInput) {
  return p.engine.submit(def, { entity: { kind: "system", id: "system" }, input, tenantId: null });
}

export const systemRoutes: AnyRoute[] = [
  route({
    method: "GET",
    url: "/v1/system/info",
    operationId: "getSystemInfo",
    summary: "Version, network type, state and enabled service types",
    tag: "system",
    access: "user",
    handler: ({ p }) => {
      const s = system(p);
      const body = {
        baseVersion: "1.2.0",
        fullVersion: "1.2.0-pulumi-photon",
        gitCommitHash: "embedded",
        networkType: "NSX",
        state: s.state,
        serviceConfigurations: Object.entries(s.serviceConfigs).map(([type, imageId]) => ({ type, imageId })),
        kubernetesVersions: KUBERNETES_VERSIONS,
      };
      return { status: 200, body };
    },
  }),
  route({
    method: "GET",
    url: "/v1/system/status",
    operationId: "getSystemStatus",
    summary: "Overall status and components",
    tag: "system",
    access: "user",
    handler: ({ p }) => {
      const status = system(p).state;
      return { status: 200, body: { status, components: [{ component: "PHOTON_CONTROLLER", status }] } };
    },
  }),
  route({
    method: "POST",
    url: "/v1/system/pause",
    operationId: "pauseSystem",
    summary: "Pause: writes answer 403 SystemPaused",
    tag: "system",
    access: "admin",
    handler: (ctx) => taskReply(ctx, submitSystem(ctx.p, pauseSystem, { state: "PAUSED" })),
  }),
  route({
    method: "POST",
    url: "/v1/system/resume",
    operationId: "resumeSystem",
    summary: "Resume after a pause",
    tag: "system",
    access: "admin",
    allowWhenPaused: true,
    handler: (ctx) => taskReply(ctx, submitSystem(ctx.p, resumeSystem, { state: "READY" })),
  }),
  route<Record<string, string>, Record<string, unknown>, { type: string; imageId: string }>({
    method: "POST",
    url: "/v1/system/enable-service-type",
    operationId: "enableServiceType",
    summary: "Enable a cluster type with an image",
    tag: "system",
    access: "admin",
    body: object({ type: { type: "string", enum: ["KUBERNETES"] }, imageId: { type: "string" } }, [
      "type",
      "imageId",
    ]),
    handler: (ctx) => {
      const image = ctx.p.store.get("image", ctx.body.imageId);
      if (!image) throw new ApiError(404, "ImageNotFound", `image ${ctx.body.imageId} not found`);
      return taskReply(ctx, submitSystem(ctx.p, enableServiceType, ctx.body));
    },
  }),
];
