import { cidrSchema, nameSchema, object, portSchema } from "../http/schemas";

export const securityPolicySchema = object(
  {
    defaultAction: { type: "string", enum: ["ALLOW", "DENY"] },
    rules: {
      type: "array",
      default: [],
      items: object(
        {
          name: nameSchema,
          direction: { type: "string", enum: ["INGRESS", "EGRESS"] },
          action: { type: "string", enum: ["ALLOW", "DENY"] },
          protocol: { type: "string", enum: ["TCP", "UDP", "ICMP", "ANY"] },
          cidrs: { type: "array", items: cidrSchema, default: [] },
          ports: { type: "array", items: portSchema, default: [] },
        },
        ["name", "direction", "action", "protocol"],
      ),
    },
  },
  ["defaultAction"],
);
