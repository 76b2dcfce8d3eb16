import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// High and critical Inspector findings on an instance run AWS-RunPatchBaseline on it, at most 5 at once, never twice
// within 6 hours; inside the Sunday-night maintenance window when one is set. Detect mode reports only.
const config = new pulumi.Config();

const patching = new kamae.PatchOnFinding("patching", {
  minSeverity: "HIGH",
  mode: config.get("mode") === "enforce" ? "enforce" : "detect",
  maxConcurrent: 5,
  cooldownMinutes: 360,
  maintenanceWindow: { schedule: "cron(0 2 ? * SUN *)", scheduleTimezone: "Europe/London", durationHours: 3, cutoffHours: 1 },
  notifications: { emails: config.getObject<string[]>("emails") ?? [] },
});

export const functionArn = patching.functionArn;
export const maintenanceWindowId = patching.maintenanceWindowId;
