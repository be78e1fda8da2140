import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

const cfg = new pulumi.Config();

const tenant = new photon.Tenant("acme", {});
const project = new photon.Project("web", { tenantId: tenant.id, defaultRouterPrivateIpCidr: "10.0.0.0/8" });
const network = new photon.Network("front", {
  projectId: project.id,
  cidr: cfg.get("cidr") ?? "10.10.0.0/16",
  description: cfg.get("description") ?? "public front end",
  securityPolicy: {
    defaultAction: "DENY",
    rules: [
      {
        name: "https",
        direction: "INGRESS",
        action: "ALLOW",
        protocol: "TCP",
        cidrs: ["0.0.0.0/0"],
        ports: [cfg.get("port") ?? "443"],
      },
      { name: "egress", direction: "EGRESS", action: "ALLOW", protocol: "ANY", cidrs: ["0.0.0.0/0"] },
    ],
  },
});

export const networkId = network.id;
export const projectId = project.id;
