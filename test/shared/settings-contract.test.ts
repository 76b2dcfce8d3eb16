import { strict as assert } from "node:assert";
import { type ActivityRule, ApiActivityAlerts } from "../../components/api-activity-alerts";
import { ActivityEnv } from "../../components/api-activity-alerts/lambda/settings";
import { GuardDutyResponder, RECOMMENDED_ROUTES } from "../../components/guardduty-responder";
import { ResponderEnv, StepsEnv } from "../../components/guardduty-responder/lambda/settings";
import { InstanceIsolation } from "../../components/instance-isolation";
import { IsolationEnv } from "../../components/instance-isolation/lambda/settings";
import { MalwareQuarantine } from "../../components/malware-quarantine";
import { MalwareQuarantineEnv } from "../../components/malware-quarantine/lambda/settings";
import { PatchOnFinding } from "../../components/patch-on-finding";
import { PatchEnv } from "../../components/patch-on-finding/lambda/settings";
import { AccountAccessEnv } from "../../components/shared/runtime/account-access";
import { TrafficMirrorFeed } from "../../components/traffic-mirror-feed";
import { FeedEnv } from "../../components/traffic-mirror-feed/lambda/settings";
import { WafAutoBlock } from "../../components/waf-auto-block";
import { FeederEnv, WriterEnv } from "../../components/waf-auto-block/lambda/settings";
import { resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";

// One settings contract per function: the component sets only variables its function's settings.ts names (or the
// shared account-access ones ResponderFunction sets), all KAMAE_-prefixed; names are never written a second time.
const RUNTIME = new Set(["NODE_OPTIONS", "POWERTOOLS_SERVICE_NAME"]);
const RULES: ActivityRule[] = [{ name: "console-logins", eventNames: ["ConsoleLogin"] }];
const QUEUE = "arn:aws:sqs:us-east-1:123456789012:waf-block";
const NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/sensor/0123456789abcdef";

const cases: Array<[string, () => unknown, Record<string, string>]> = [
  ["ApiActivityAlerts", () => new ApiActivityAlerts("audit", { rules: RULES }), ActivityEnv],
  [
    "GuardDutyResponder (responder and credential steps)",
    () =>
      new GuardDutyResponder("gd", {
        routes: [...RECOMMENDED_ROUTES],
        isolationFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:isolation",
        wafBlockQueueArn: QUEUE,
        wafBlockQueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/waf-block",
        scanDocumentName: "Kamae-AntiMalwareScan",
        publicBuckets: ["site-*"],
        publicBucketTagKey: "public",
        macieBucketKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      }),
    { ...ResponderEnv, ...StepsEnv },
  ],
  [
    "WafAutoBlock (writer and every feeder)",
    () =>
      new WafAutoBlock("waf", {
        scope: "CLOUDFRONT",
        deepSecurity: { topics: { ips: "arn:aws:sns:us-east-1:123456789012:ds" } },
        guardDuty: {},
        accessLogs: { bucketNames: ["alb-logs"], albErrorCodes: [404], cloudFrontErrorCodes: [403] },
        reputationLists: { urls: ["https://lists.example/drop.txt"] },
        honeypot: {},
        breaker: { windowMinutes: 30, maxNewBlocks: { honeypot: 10 } },
        minimumPrefix: { v4: 16, v6: 32 },
        reputationMinimumPrefix: { v4: 20, v6: 40 },
      }),
    { ...WriterEnv, ...FeederEnv },
  ],
  ["InstanceIsolation", () => new InstanceIsolation("iso", { memberAccounts: { accountIds: ["444455556666"], roleName: "kamae-member", externalId: "x" } }), IsolationEnv],
  ["PatchOnFinding", () => new PatchOnFinding("patch", {}), PatchEnv],
  ["TrafficMirrorFeed", () => new TrafficMirrorFeed("feed", { networkLoadBalancerArn: NLB, virtualNetworkId: 7, packetLength: 128 }), FeedEnv],
  ["MalwareQuarantine", () => new MalwareQuarantine("mq", { guardDutyBucketNames: { uploads: "uploads" }, cleanBucketName: "clean" }), MalwareQuarantineEnv],
];

describe("settings contract: each function's lambda/settings.ts names every variable its component sets", () => {
  beforeEach(() => useOfflineMocks());

  for (const [component, build, names] of cases) {
    it(component, async () => {
      build();
      await settle();
      const allowed = new Set([...Object.values(names), ...Object.values(AccountAccessEnv)]);
      const functions = resourcesOfType("aws:lambda/function:Function");
      assert.ok(functions.length > 0);
      for (const fn of functions) {
        const set = Object.keys(fn.inputs.environment.variables).filter((k) => !RUNTIME.has(k));
        assert.ok(set.length > 0);
        for (const name of set) {
          assert.ok(name.startsWith("KAMAE_"), `${name} is KAMAE_-prefixed`);
          assert.ok(allowed.has(name), `${component} sets ${name} on ${fn.name}, which its settings.ts does not name`);
        }
      }
    });
  }
});
