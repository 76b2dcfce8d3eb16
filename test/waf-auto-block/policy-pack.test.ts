import { strict as assert } from "node:assert";
import { WafAutoBlock } from "../../components/waf-auto-block";
import type { ResourceView } from "../../policies/model";
import { catalog, parameterValues } from "../../policies/catalog";
import { rules } from "../../policies/rules";
import { suppressionFor } from "../../policies/suppressions";
import { resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";

/** Runs every rule of Kamae's policy pack over what the component created, as a preview would see it. */
function violations(): string[] {
  const views: ResourceView[] = resourcesOfType().map((r) => ({ urn: r.urn, type: r.type, name: r.name, props: r.state }));
  const out: string[] = [];
  for (const rule of rules) {
    const entry = catalog.find((e) => e.id === rule.id);
    const types = new Set(entry?.resourceTypes ?? []);
    const params = entry ? parameterValues(entry, {}) : {};
    const found =
      rule.kind === "resource"
        ? views.filter((v) => types.has(v.type)).flatMap((v) => rule.check(v, params).map((message) => ({ resource: v as ResourceView | undefined, message })))
        : rule.check(views, params);
    for (const f of found) {
      if (!suppressionFor(rule.id, f.resource, undefined).suppressed) out.push(`${rule.id}: ${f.resource?.name ?? "stack"}: ${f.message}`);
    }
  }
  return out;
}

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
    // Account-level rules and program-wiring rules judge the whole program, not one component.
    const accountLevel = new Set(["cloudtrail-enabled", "multi-region-cloudtrail-enabled", "guardduty-enabled-centralized", "securityhub-enabled", "s3-account-level-public-access-blocks-periodic", "ec2-ebs-encryption-by-default", "cloudtrail-s3-dataevents-enabled"]);
    const programWiring = new Set(catalog.filter((e) => e.preview === "stack" && !e.awsConfigIdentifier).map((e) => e.id));
    const programLevel = (v: string) => accountLevel.has(v.split(":")[0]) || programWiring.has(v.split(":")[0]);
    assert.deepEqual(violations().filter((v) => !programLevel(v)), []);
  });
});
