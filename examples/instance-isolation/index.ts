import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// Isolates instances tagged kamae:isolation-scope=true when GuardDuty reports a high-severity backdoor, trojan or
// crypto-mining finding, or when the Deep Security agent reports tampering or malware. Starts in detect mode: every
// decision is reported to the topic and nothing is changed until `mode` is "enforce".
const config = new pulumi.Config();

const isolation = new kamae.InstanceIsolation("isolation", {
  mode: config.get("mode") === "enforce" ? "enforce" : "detect",
  // The IAM user (or role) the Deep Security manager's SNS event forwarding signs with: the only accepted publisher.
  deepSecurity: { publisherArns: [config.get("deepSecurityPublisherArn") ?? pulumi.interpolate`arn:aws:iam::${aws.getCallerIdentityOutput().accountId}:user/deep-security-manager`] },
  circuitBreaker: { maxIsolations: 3, windowSeconds: 3600 },
  notifications: { emails: config.getObject<string[]>("emails") ?? [] },
});

export const reportTopicArn = isolation.reportTopicArn;
/** Point the Deep Security manager's SNS event forwarding at this topic. */
export const deepSecurityTopicArn = isolation.deepSecurityTopicArn;
