import { object, stringArray } from "../http/schemas";

export const securityPolicySchema = object(
  {
    defaultAction: { type: "string", enum: ["ALLOW", "DENY"] },
    rules: {
      type: "array",
      default: [],
      items: object(
        {
          name: { type: "string", minLength: 1, maxLength: 63 },
          direction: { type: "string", enum: ["INGRESS", "EGRESS"] },
          action: { type: "string", enum: ["ALLOW", "DENY"] },
          protocol: { type: "string", enum: ["TCP", "UDP", "ICMP", "ANY"] },
          cidrs: { ...stringArray, default: [] },
          ports: { ...stringArray, default: [] },
        },
        ["name", "direction", "action", "protocol"],
      ),
    },
  },
  ["defaultAction"],
);
