import { strict as assert } from "node:assert";
import { InstanceIsolation } from "../../components/instance-isolation";
import { IsolationEnv } from "../../components/instance-isolation/lambda/settings";
import { MalwareQuarantine } from "../../components/malware-quarantine";
import { MalwareQuarantineEnv } from "../../components/malware-quarantine/lambda/settings";
import { PatchOnFinding } from "../../components/patch-on-finding";
import { PatchEnv } from "../../components/patch-on-finding/lambda/settings";
import { AccountAccessEnv } from "../../components/shared/runtime/account-access";
import { TrafficMirrorFeed } from "../../components/traffic-mirror-feed";
import { FeedEnv } from "../../components/traffic-mirror-feed/lambda/settings";
import { resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";

// One settings contract per function: the component sets only variables its function's settings.ts names (or the
// shared account-access ones ResponderFunction sets), all KAMAE_-prefixed; names are never written a second time.
const RUNTIME = new Set(["NODE_OPTIONS", "POWERTOOLS_SERVICE_NAME"]);
const NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/sensor/0123456789abcdef";

const cases: Array<[string, () => unknown, Record<string, string>]> = [
  ["InstanceIsolation", () => new InstanceIsolation("iso", { memberAccounts: { accountIds: ["444455556666"], roleName: "kamae-member", externalId: "x" } }), IsolationEnv],
  ["PatchOnFinding", () => new PatchOnFinding("patch", {}), PatchEnv],
  ["TrafficMirrorFeed", () => new TrafficMirrorFeed("feed", { networkLoadBalancerArn: NLB, virtualNetworkId: 7, packetLength: 128 }), FeedEnv],
  ["MalwareQuarantine", () => new MalwareQuarantine("mq", { guardDutyBucketNames: ["uploads"], cleanBucketName: "clean" }), MalwareQuarantineEnv],
];

describe("settings contract: each function's lambda/settings.ts names every variable its component sets", () => {
  beforeEach(() => useOfflineMocks());

  for (const [component, build, names] of cases) {
    it(component, async () => {
      build();
      await settle();
      const allowed = new Set([...Object.values(names), ...Object.values(AccountAccessEnv)]);
      const [fn] = resourcesOfType("aws:lambda/function:Function");
      const set = Object.keys(fn.inputs.environment.variables).filter((k) => !RUNTIME.has(k));
      assert.ok(set.length > 0);
      for (const name of set) {
        assert.ok(name.startsWith("KAMAE_"), `${name} is KAMAE_-prefixed`);
        assert.ok(allowed.has(name), `${component} sets ${name}, which its settings.ts does not name`);
      }
    });
  }
});
