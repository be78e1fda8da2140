import type { Expectation, FuzzBody } from "./fuzz-bodies";
import type { CallerName, FuzzCase } from "./fuzz-requests";
import type { World } from "./walk-world";

/**
 * The hostile inputs of the review (issue 8), replayed exactly on every run before the random ones:
 * nesting 5,000 levels deep before authentication, passwords in bodies of the wrong shape or type,
 * ~1 MB values (three requests in all), nulls where a number or list is due, DNS addresses that are not
 * addresses, malformed URLs and oversized queries.
 */

const INVALID_JSON: Expectation = { status: 400, codes: ["InvalidJson"] };
const ANY_400: Expectation = { status: 400, codes: [] };
const MEDIA: Expectation = { status: 415, codes: ["UnsupportedMediaType"] };
const TOO_LARGE: Expectation = { status: 413, codes: ["RequestTooLarge"] };
const entity = (property: string): Expectation => ({ status: 400, codes: ["InvalidEntity"], property });

function json(value: unknown, note: string, expect?: Expectation): FuzzBody {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return { text, contentType: "application/json", note, ...(expect && { expect }) };
}

function plain(value: unknown, note: string): FuzzBody {
  return { text: JSON.stringify(value), contentType: "text/plain", note, expect: MEDIA };
}

type Row = [operationId: string, caller: CallerName, url: string, body: FuzzBody];

/** Each case with the operation it belongs to; `marker` goes where a password would be. */
export function fixedCases(w: World, marker: string): [string, FuzzCase][] {
  const deep = "[".repeat(5000) + "]".repeat(5000);
  const huge = "a".repeat(900_000);
  const login = { grant_type: "password", username: w.a.username, password: marker };
  const user = { username: "u1", password: marker, groups: [] };
  const host = { address: "10.9.9.9", username: "root", password: marker };
  const { network, subnet, service, project, host: hostId } = w.a.ids;
  const token = "/openidconnect/token";
  const rows: Row[] = [
    ["issueToken", "anonymous", token, json(deep, "5000 levels", INVALID_JSON)],
    ["issueToken", "anonymous", token, json([login], "array body", ANY_400)],
    ["issueToken", "anonymous", token, plain(login, "text body")],
    ["issueToken", "anonymous", token, json({ ...login, password: huge + marker }, "0.9 MB password")],
    ["issueToken", "anonymous", `${token}?%E0%A4%A`, json(login, "malformed query", ANY_400)],
    ["createUser", "admin", "/v1/system/users", plain(user, "text body")],
    ["createUser", "admin", "/v1/system/users", json([user], "array body", ANY_400)],
    ["createHost", "admin", "/v1/infrastructure/hosts", plain(host, "text body")],
    ["createHost", "admin", "/v1/infrastructure/hosts", json([host], "array body", ANY_400)],
    [
      "createHost",
      "admin",
      "/v1/infrastructure/hosts",
      json({ ...host, address: huge }, "0.9 MB", entity("address")),
    ],
    [
      "updateNetwork",
      "A",
      `/v1/networks/${network}`,
      json({ description: "x".repeat(1_100_000) }, "1.1 MB", TOO_LARGE),
    ],
    ["updateNetwork", "A", `/v1/networks/${network}`, json(deep, "5000 levels", INVALID_JSON)],
    [
      "updateNetwork",
      "A",
      `/v1/networks/${network}`,
      json('{"__proto__":{"admin":true}}', "__proto__", ANY_400),
    ],
    [
      "resizeCluster",
      "A",
      `/v1/services/${service}/resize`,
      json({ newWorkerCount: null }, "null", entity("newWorkerCount")),
    ],
    [
      "createCluster",
      "A",
      `/v1/projects/${project}/services`,
      json({ name: "nullwc", type: "KUBERNETES", workerCount: null }, "null", entity("workerCount")),
    ],
    [
      "createStoragePool",
      "admin",
      "/v1/infrastructure/storage-pools",
      json(
        { name: "p", hostIds: [hostId], capacityGb: 1, failuresToTolerate: null },
        "null",
        entity("failuresToTolerate"),
      ),
    ],
    [
      "createTenant",
      "admin",
      "/v1/tenants",
      json({ name: "n", securityGroups: null }, "null", entity("securityGroups")),
    ],
    [
      "setTenantSecurityGroups",
      "admin",
      `/v1/tenants/${w.sandbox.tenant}/set_security_groups`,
      json({ items: [null] }, "null item", entity("items")),
    ],
    [
      "createSubnet",
      "A",
      `/v1/networks/${network}/subnets`,
      json({ name: "n", dnsServerAddresses: null }, "null", entity("dnsServerAddresses")),
    ],
    [
      "updateSubnet",
      "A",
      `/v1/subnets/${subnet}`,
      json(
        { dnsServerAddresses: ["999.1.1.1", "1.1.1.1' OR '1'='1"] },
        "bad DNS",
        entity("dnsServerAddresses"),
      ),
    ],
    ["getNetwork", "A", "/v1/networks/%zz", { note: "malformed percent-encoding", expect: ANY_400 }],
    ["listTasks", "A", "/v1/tasks?pageLink=%zz", { note: "malformed query", expect: ANY_400 }],
    ["listTasks", "A", `/v1/tasks?x=${"a".repeat(20_000)}`, { note: "20 KB query" }],
  ];
  return rows.map(([id, caller, url, body]) => [id, { caller, url, expectApplies: true, body }]);
}
