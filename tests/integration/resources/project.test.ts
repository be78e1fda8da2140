import { programSteps } from "./steps";

describe("integration: Project under the real CLI", function () {
  programSteps({
    example: "project",
    type: "Project",
    inPlace: { cpuLimit: "8" },
    replace: { config: { projectName: "web-renamed" }, property: "name" },
    outOfBand: async (api, id) => {
      await api.http.request({
        method: "PATCH",
        path: `/v1/projects/${id}/quota`,
        body: { quotaItems: { "vm.cpu": { limit: 2, unit: "COUNT" } } },
      });
    },
    leftovers: async (api) => (await api.list("/v1/tenants")).length,
  });
});
