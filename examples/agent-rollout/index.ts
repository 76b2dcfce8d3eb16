import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// Every instance tagged kamae:agent-rollout=true (AutoHealingGroup tags its instances so) gets Trend Micro Cloud One
// Workload Security through SSM Distributor, re-applied daily, 10% at a time. The activation token is a SecureString.
const config = new pulumi.Config();

const rollout = new kamae.AgentRollout("agent", {
  activationUrl: config.get("activationUrl") ?? "dsm://agents.deepsecurity.trendmicro.com:443/",
  managerUrl: config.get("managerUrl") ?? "https://app.deepsecurity.trendmicro.com:443",
  tenantId: config.get("tenantId") ?? "",
  token: config.getSecret("agentToken") ?? pulumi.secret("set-agentToken-with-pulumi-config-set---secret"),
  maxConcurrency: "10%",
  maxErrors: "5%",
});

export const associationName = rollout.associationName;
export const parameterNames = rollout.parameterNames;
