import { programSteps } from "./steps";

describe("integration: Tenant under the real CLI", function () {
  programSteps({
    example: "tenant",
    type: "Tenant",
    inPlace: { cpuLimit: "32" },
    replace: { config: { tenantName: "acme-renamed" }, property: "name" },
    outOfBand: async (api, id) => {
      await api.http.request({
        method: "PATCH",
        path: `/v1/tenants/${id}/quota`,
        body: { quotaItems: { "vm.cpu": { limit: 8, unit: "COUNT" } } },
      });
    },
    leftovers: async (api) => (await api.list("/v1/tenants")).length,
  });
});
