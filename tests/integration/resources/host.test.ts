import type { PhotonClient } from "../../../provider/client";
import { programSteps } from "./steps";

const live = (api: PhotonClient) => api.list<{ state: string }>("/v1/infrastructure/hosts");

describe("integration: Host under the real CLI", function () {
  programSteps({
    example: "host",
    type: "Host",
    secrets: { esxPassword: "esx-Very-Secret-88" },
    inPlace: { maintenance: "true" },
    replace: { config: { address: "10.20.0.12" }, property: "address" },
    outOfBand: async (api, id) => {
      await api.http.request({ method: "POST", path: `/v1/infrastructure/hosts/${id}/exit-maintenance` });
    },
    leftovers: async (api) => (await live(api)).filter((h) => h.state !== "DELETED").length,
  });
});
