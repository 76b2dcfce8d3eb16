import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// GuardDuty findings routed by severity: every finding is notified; compromised instances are
// isolated and their remote peers blocked in WAF; misused credentials are restricted (sessions issued before the
// finding denied) with a report of the principal's recent API calls; public buckets are closed. Every acting action
// is in detect mode until `mode` is "enforce".
const config = new pulumi.Config();
const mode = config.get("mode") === "enforce" ? "enforce" : "detect";

const isolation = new kamae.InstanceIsolation("isolation", { mode, guardDuty: { enabled: false } });
const waf = new kamae.WafAutoBlock("waf", { mode, webAcl: {} });

const responder = new kamae.GuardDutyResponder("findings", {
  routes: kamae.RECOMMENDED_ROUTES.map((r) => ({ ...r, actions: r.actions.filter((a) => a !== "scan") })),
  modes: { isolate: mode, block: mode, restrictCredentials: mode, blockPublicAccess: mode, protectBucket: mode },
  isolationFunctionArn: isolation.functionArn,
  wafBlockQueueArn: waf.blockQueueArn,
  wafBlockQueueUrl: waf.blockQueueUrl,
  wafBlockQueueKmsKeyArn: waf.kmsKeyArn,
  notifications: { emails: config.getObject<string[]>("emails") ?? [] },
});

export const findingsTopicArn = responder.topicArn;
export const stateMachineArn = responder.stateMachineArn;
export const webAclArn = waf.webAclArn;
