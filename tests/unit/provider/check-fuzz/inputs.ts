import * as fc from "fast-check";
import { UNKNOWN } from "../../../../provider/resources/props";
import { EVIL_KEYS, HOSTILE, objectOf } from "./hostile";
import { type ObjectShape, type ResourceShape, type Shape } from "./shapes";

/**
 * Random inputs of a resource, built from its schema shape: every place in the tree holds a value of the
 * schema's type (a realistic one when the property's name has samples below, so checks get past their
 * first rule) or, at the run's level of hostility, a hostile value. Objects get stray keys.
 */

/**
 * Realistic samples by property name: optional help so that calm runs get past the first rule (a
 * property without samples is fuzzed all the same). Near misses join them in hostile runs.
 */
const SAMPLES: Readonly<Record<string, readonly string[]>> = {
  name: ["web", "acme", "a", "front-1", "db", "x".repeat(63)],
  address: ["10.20.0.11", "esx-01.lab.local", "10.20.0.12"],
  // Many ranges: check remembers every network's range in the process, and a few would soon overlap all.
  cidr: Array.from({ length: 64 }, (_, i) => `10.${i}.0.0/16`),
  cidrs: ["0.0.0.0/0", "10.0.0.0/8", "192.168.1.7/32", "10.1.0.0/16"],
  defaultRouterPrivateIpCidr: ["10.0.0.0/8", "172.16.0.0/12"],
  ports: ["80", "443", "8000-8100", "65535"],
  securityGroups: ["photon\\devs", "lab\\ops"],
  create: ["90s", "10m", "1h30m"],
  update: ["90s", "500ms"],
  delete: ["1h", "2.5m"],
  identity: ["urn:a", "urn:b", "urn:c"],
  tenantId: ["t-1", "t-2"],
  projectId: ["p-1", "p-2"],
  hostIds: ["h1", "h2", "h3", "h4", "h5"],
  adoptId: ["id-1"],
  adoptName: ["web", "acme"],
  availabilityZone: ["z-1"],
  "quota[]": ["vm", "vm.cpu", "vm.memory", "storage.VSAN", "sdn.floatingip.size", "ephemeral-disk.capacity"],
  "metadata[]": ["cpuCount", "memoryMb", "datastoreGb", "rack"],
  metadata: ["64", "1024"],
  networkId: ["n-1"],
  storagePoolId: ["s-1"],
  masterVmFlavor: ["cluster-master-vm"],
  workerVmFlavor: ["cluster-other-vm"],
  kubernetesVersion: ["1.35.4", "1.36.3"],
  drainTimeout: ["10m", "90s"],
};

const NEAR_MISSES: Readonly<Record<string, readonly string[]>> = {
  name: ["1bad", "has space", "x".repeat(64)],
  adoptName: ["10.20.0.11", "1bad"],
  address: ["256.1.1.1", "-bad-", "a..b"],
  cidr: ["10.10.0.1/16", "10.0.0.0/33", "10.0.0.0", "010.0.0.0/8"],
  cidrs: ["10.0.0.0", "10.0.0.1/8"],
  defaultRouterPrivateIpCidr: ["10.0.0.1/8"],
  ports: ["0", "90-80", "70000", "80-"],
  securityGroups: ["admins", "a\\b\\c"],
  create: ["soon", "0s", "10"],
  "quota[]": ["VM CPU", "vm..cpu"],
  metadata: ["0", "many", "-1"],
  kubernetesVersion: ["1.36", "latest"],
  drainTimeout: ["soon", "10"],
};

const GENERIC = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("x", "a-1", "10.0.0.0/16", UNKNOWN));

/** Secrets are long and distinctive, so a reason that quotes one is caught. */
const SECRET = fc.string({ minLength: 1, maxLength: 10 }).map((s) => `secret-${s}-value`);

function stringOf(hint: string, values: readonly string[] | undefined, level: Level): fc.Arbitrary<string> {
  if (values) return fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 9 }, fc.constant(UNKNOWN));
  const samples = SAMPLES[hint];
  if (!samples) return GENERIC;
  const good = fc.oneof({ arbitrary: fc.constantFrom(...samples), weight: 9 }, fc.constant(UNKNOWN));
  if (level === 0) return good;
  const near = NEAR_MISSES[hint];
  return fc.oneof(
    { arbitrary: good, weight: 6 },
    { arbitrary: near ? fc.constantFrom(...near) : GENERIC, weight: 2 },
    { arbitrary: GENERIC, weight: 1 },
  );
}

/** How many values in 10 are hostile: 0 for calm runs (then strings come from the samples only). */
export type Level = number;

function valid(shape: Shape, hint: string, level: Level): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case "string":
      return stringOf(hint, shape.values, level);
    case "integer":
      return fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 2 },
        fc.integer({ min: 1, max: 4096 }),
      );
    case "number":
      return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(value(shape.items, hint, level), { maxLength: 4 });
    case "map":
      return fc
        .array(fc.tuple(key(`${hint}[]`, level), value(shape.values, hint, level)), { maxLength: 3 })
        .map(objectOf);
    case "object":
      return object(shape, level);
  }
}

function key(hint: string, level: Level): fc.Arbitrary<string> {
  const samples = SAMPLES[hint];
  const usual = samples ? fc.constantFrom(...samples) : fc.string({ minLength: 1, maxLength: 8 });
  if (level === 0) return usual;
  const near = NEAR_MISSES[hint];
  const odd = near ? fc.oneof(fc.constantFrom(...near), EVIL_KEYS) : EVIL_KEYS;
  return fc.oneof({ arbitrary: usual, weight: 3 * level }, odd);
}

/** A value of the shape, or (`level` times in 10) a hostile one. */
function value(shape: Shape, hint: string, level: Level): fc.Arbitrary<unknown> {
  if (level === 0) return valid(shape, hint, level);
  return fc.oneof(
    { arbitrary: valid(shape, hint, level), weight: 10 - level },
    { arbitrary: HOSTILE, weight: level },
  );
}

const ABSENT = Symbol("absent");

/** Inputs the SDK class always sends (a name defaults to the resource's): absent only now and then. */
const SDK_SET = ["name", "identity"];

function object(shape: ObjectShape, level: Level, secrets: readonly string[] = []): fc.Arbitrary<unknown> {
  const fields = Object.entries(shape.properties).map(([k, s]) => {
    const v = secrets.includes(k)
      ? fc.oneof({ arbitrary: SECRET, weight: 4 }, value(s, k, level))
      : value(s, k, level);
    const absentOneIn = shape.required.includes(k) || SDK_SET.includes(k) ? 12 : 3;
    return fc.option(v, { nil: ABSENT, freq: absentOneIn }).map((x) => [k, x] as const);
  });
  const strays =
    level === 0 ? fc.constant([]) : fc.array(fc.tuple(EVIL_KEYS, HOSTILE), { maxLength: level > 2 ? 2 : 1 });
  return fc
    .tuple(fc.tuple(...fields), strays)
    .map(([present, extra]) =>
      objectOf([...present.filter((e): e is readonly [string, unknown] => e[1] !== ABSENT), ...extra]),
    );
}

/**
 * Inputs of one resource: calm runs (every value of the right type: they exercise the rules and the
 * typed answer) and hostile runs (1 value in 10, 3 in 10 or 1 in 2 hostile, and stray keys).
 */
export function inputsOf(resource: ResourceShape): fc.Arbitrary<Record<string, unknown>> {
  const levels: ReadonlyArray<readonly [Level, number]> = [
    [0, 3],
    [1, 1],
    [3, 1],
    [5, 1],
  ];
  return fc.oneof(
    ...levels.map(([level, weight]) => ({
      arbitrary: object(resource.inputs, level, resource.secrets),
      weight,
    })),
  ) as fc.Arbitrary<Record<string, unknown>>;
}
