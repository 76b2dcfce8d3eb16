import { strict as assert } from "node:assert";
import { WafAutoBlock } from "../../components/waf-auto-block";
import { DEFAULT_REPUTATION_URLS } from "../../components/waf-auto-block/lambda/reputation";
import { eventFeederSettings, honeypotSettings, logParserSettings, reputationSettings } from "../../components/waf-auto-block/lambda/settings";
import { resourceNamed, settle, useOfflineMocks } from "../harness/pulumi";

// The feeders read their settings through lambda/settings.ts: what the component sets arrives, unset means the
// documented default, and a bad value fails the cold start naming the variable.
const QUEUE = { KAMAE_BLOCK_QUEUE_URL: "https://sqs.us-east-1.amazonaws.com/123456789012/q" };
const env = (name: string): Record<string, string> => resourceNamed(name).inputs.environment.variables;

describe("WafAutoBlock feeders' settings", () => {
  beforeEach(() => useOfflineMocks());

  it("each feeder reads what the component set, and the component's defaults are the readers' defaults", async () => {
    new WafAutoBlock("wab", {
      deepSecurity: { topics: { ips: "arn:aws:sns:us-east-1:123456789012:ds" } },
      guardDuty: { minSeverity: 7, maxAddressesPerFinding: 10 },
      accessLogs: { bucketNames: ["alb-logs"], albErrorCodes: [404, 429], trustedProxies: ["130.176.0.0/16"] },
      reputationLists: { urls: ["https://lists.example/drop.txt"] },
      honeypot: { trustedProxies: ["10.0.0.0/8"] },
    });
    await settle();
    const events = eventFeederSettings(env("wab-events-function"));
    assert.equal(events.guardDutyMinSeverity, 7);
    assert.equal(events.maxAddressesPerEvent, 10);
    assert.deepEqual(events.guardDutyActions, ["NETWORK_CONNECTION", "PORT_PROBE", "AWS_API_CALL"]);
    assert.deepEqual(eventFeederSettings(QUEUE), { ...events, guardDutyMinSeverity: 4, maxAddressesPerEvent: 50, queueUrl: QUEUE.KAMAE_BLOCK_QUEUE_URL }, "the component's defaults for unset args are the reader's");
    const parser = logParserSettings(env("wab-log-parser-function"));
    assert.deepEqual([...parser.counter.albErrorCodes], [404, 429]);
    assert.ok(parser.trustedProxies.contains("130.176.1.1") && !parser.trustedProxies.contains("198.51.100.1"));
    assert.deepEqual(parser.thresholds, logParserSettings({ ...QUEUE, KAMAE_COUNTER_TABLE: "t" }).thresholds, "defaults agree: 50 errors a minute, 1,000 requests in 5 minutes");
    assert.equal(parser.thresholds.requestsPer5Minutes, 1000);
    assert.deepEqual(reputationSettings(env("wab-reputation-function")).urls, ["https://lists.example/drop.txt"]);
    assert.deepEqual(reputationSettings(QUEUE).urls, [...DEFAULT_REPUTATION_URLS]);
    assert.ok(honeypotSettings(env("wab-honeypot-function")).trustedProxies.contains("10.1.2.3"));
  });

  it("a bad value fails the cold start, naming the variable", () => {
    assert.throws(() => eventFeederSettings({}), /KAMAE_BLOCK_QUEUE_URL/);
    assert.throws(() => eventFeederSettings({ ...QUEUE, KAMAE_MAX_ADDRESSES_PER_EVENT: "5000" }), /KAMAE_MAX_ADDRESSES_PER_EVENT/);
    assert.throws(() => logParserSettings({ ...QUEUE, KAMAE_COUNTER_TABLE: "t", KAMAE_MERGE_FLOOR: "2" }), /KAMAE_MERGE_FLOOR must be between 0 and 1/);
    assert.throws(() => logParserSettings({ ...QUEUE, KAMAE_COUNTER_TABLE: "t", KAMAE_CLOUDFRONT_ERROR_CODES: "40x" }), /KAMAE_CLOUDFRONT_ERROR_CODES must list HTTP status codes/);
    assert.throws(() => logParserSettings({ ...QUEUE }), /KAMAE_COUNTER_TABLE/);
    assert.throws(() => reputationSettings({ ...QUEUE, KAMAE_REPUTATION_URLS: "http://insecure.example/x" }), /KAMAE_REPUTATION_URLS: "http:\/\/insecure.example\/x" is not an https URL/);
    assert.throws(() => honeypotSettings({ ...QUEUE, KAMAE_TRUSTED_PROXIES: "cloudfront" }), /KAMAE_TRUSTED_PROXIES/);
  });
});
