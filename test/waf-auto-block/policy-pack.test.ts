import { strict as assert } from "node:assert";
import { WafAutoBlock } from "../../components/waf-auto-block";
import { componentViolations } from "../harness/policy-pack";
import { settle, useOfflineMocks } from "../harness/pulumi";

describe("WafAutoBlock passes Kamae's policy pack", () => {
  beforeEach(() => useOfflineMocks());

  it("with its own web ACL and every feeder", async () => {
    new WafAutoBlock("wab", {
      maxAddresses: 20_000,
      webAcl: { associations: { web: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188" } },
      deepSecurity: { topics: { ips: "arn:aws:sns:us-east-1:123456789012:ds-events" } },
      guardDuty: {},
      accessLogs: { bucketNames: ["alb-logs-prod"] },
      reputationLists: {},
      honeypot: {},
    });
    await settle();
    // The honeypot must answer anyone (it is bait for scanners), and API Gateway routes carry no tags to hold a
    // suppression: the one advisory finding is expected, and every other rule passes.
    assert.deepEqual(
      componentViolations().map((v) => v.split(":")[0] + ": " + v.split(": ")[1]),
      ["api-gwv2-authorization-type-configured: wab-honeypot-route"],
    );
  });
});
