import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// A multi-region trail (KMS, log file validation, CloudWatch Logs) whose files are filtered as they arrive: only the
// calls a human must review reach the topic. Calls AWS services made by themselves are dropped.
const config = new pulumi.Config();

const alerts = new kamae.ApiActivityAlerts("api-alerts", {
  rules: [
    { name: "root-activity", identityTypes: ["Root"] },
    { name: "iam-changes", eventSources: ["iam.amazonaws.com"], readOnly: false },
    { name: "security-tooling-off", eventNames: ["StopLogging", "DeleteTrail", "DeleteDetector", "DisableSecurityHub", "StopConfigurationRecorder"] },
    { name: "console-logins-out-of-hours", eventNames: ["ConsoleLogin"], timeWindows: [{ timeZone: "Europe/Berlin", start: "08:00", end: "19:00", days: ["Mon", "Tue", "Wed", "Thu", "Fri"] }], timeWindowsMatch: "outside" },
    { name: "ignore-ci-deploys", effect: "exclude", identityArns: ["arn:aws:sts::*:assumed-role/ci-deploy/*"] },
  ],
  notifications: { emails: config.getObject<string[]>("emails") ?? [] },
});

export const topicArn = alerts.topicArn;
export const trailArn = alerts.trailArn;
