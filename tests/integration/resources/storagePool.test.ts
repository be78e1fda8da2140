import { programSteps } from "./steps";

describe("integration: StoragePool under the real CLI", function () {
  programSteps({
    example: "storage-pool",
    type: "StoragePool",
    secrets: { esxPassword: "esx-Pool-Secret-19" },
    inPlace: { capacityGb: "1024" },
    replace: { config: { failuresToTolerate: "0" }, property: "failuresToTolerate" },
    outOfBand: async (api, id) => {
      await api.http.request({
        method: "POST",
        path: `/v1/infrastructure/storage-pools/${id}/resize`,
        body: { capacityGb: 4000 },
      });
    },
    leftovers: async (api) =>
      (await api.list("/v1/infrastructure/storage-pools")).length +
      (await api.list<{ state: string }>("/v1/infrastructure/hosts")).filter((h) => h.state !== "DELETED")
        .length,
  });
});
