import { programSteps } from "./steps";

describe("integration: Network under the real CLI", function () {
  programSteps({
    example: "network",
    type: "Network",
    inPlace: { port: "8443" },
    replace: { config: { cidr: "10.11.0.0/16" }, property: "cidr" },
    outOfBand: async (api, id) => {
      await api.http.request({
        method: "PATCH",
        path: `/v1/networks/${id}`,
        body: { description: "changed by hand" },
      });
    },
    leftovers: async (api) => (await api.list("/v1/tenants")).length,
  });
});
