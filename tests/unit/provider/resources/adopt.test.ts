import { check as checkTenant } from "../../../../provider/resources/tenant";
import { check as checkHost } from "../../../../provider/resources/host";
import { check as checkNetwork } from "../../../../provider/resources/network";
import { checkTable, UNKNOWN } from "./helpers";

const tenant = { name: "acme", identity: "urn:t" };
const host = { address: "10.0.0.1", username: "root", password: "pw", identity: "urn:h" };
const network = { projectId: "p-1", name: "front", cidr: "10.10.0.0/16", identity: "urn:n" };

describe("adoption inputs", () => {
  describe("Tenant (name cannot change in place)", () => {
    checkTable(checkTenant, [
      ["adoptName equal to name passes", { ...tenant, adoptName: "acme" }, []],
      ["adoptId alone passes", { ...tenant, adoptId: "t-1" }, []],
      [
        "adoptName and adoptId together conflict",
        { ...tenant, adoptName: "acme", adoptId: "t-1" },
        [{ property: "adoptName", reason: "conflicts with adoptId: adopt by id or by name, not both" }],
      ],
      [
        "adoptName different from name",
        { ...tenant, adoptName: "legacy" },
        [
          {
            property: "adoptName",
            reason:
              'must equal name ("acme"): the adopted object keeps its name, which cannot change in place',
          },
        ],
      ],
      ["adoptName unknown during preview passes", { ...tenant, adoptName: UNKNOWN, adoptId: "t-1" }, []],
      ["name unknown during preview passes", { ...tenant, name: UNKNOWN, adoptName: "legacy" }, []],
      [
        "adoptName follows the server's name rule",
        { ...tenant, name: "1x", adoptName: "1x" },
        [
          {
            property: "adoptName",
            reason: 'must start with a letter and hold only letters, digits and dashes (was "1x")',
          },
          {
            property: "name",
            reason: 'must start with a letter and hold only letters, digits and dashes (was "1x")',
          },
        ],
      ],
      [
        "adoptId must be a string",
        { ...tenant, adoptId: 7 },
        [{ property: "adoptId", reason: "must be a string" }],
      ],
    ]);
  });

  describe("Host (adopted by address)", () => {
    checkTable(checkHost, [
      ["adoptName equal to address passes", { ...host, adoptName: "10.0.0.1" }, []],
      [
        "adoptName different from address",
        { ...host, adoptName: "10.0.0.2" },
        [
          {
            property: "adoptName",
            reason:
              'must equal address ("10.0.0.1"): the adopted object keeps its address, which cannot change in place',
          },
        ],
      ],
    ]);
  });

  describe("Network (renamed in place)", () => {
    checkTable(checkNetwork, [
      [
        "adoptName different from name passes: the network is renamed",
        { ...network, adoptName: "legacy" },
        [],
      ],
      [
        "adoptName and adoptId together conflict",
        { ...network, identity: "urn:n2", cidr: "10.20.0.0/16", adoptName: "front", adoptId: "n-1" },
        [{ property: "adoptName", reason: "conflicts with adoptId: adopt by id or by name, not both" }],
      ],
    ]);
  });
});
