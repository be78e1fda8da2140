import { PolicyPack } from "@pulumi/policy";
import { photonPolicies } from "pulumi-photon/policy";

// Every rule of the library at its default level. A team changes levels and limits without touching
// this file: `pulumi preview --policy-pack <this folder> --policy-pack-config <file>` (see strict.json
// and docs/policy.md).
new PolicyPack("photon-platform-policies", { policies: photonPolicies });
