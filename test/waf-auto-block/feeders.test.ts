import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseQueueMessage } from "../../components/waf-auto-block/lambda/block-request";
import { decideBlocks, DEFAULT_EVENT_FEEDER } from "../../components/waf-auto-block/lambda/event-feeder";
import { decideHoneypot } from "../../components/waf-auto-block/lambda/honeypot";
import { parseReputationList } from "../../components/waf-auto-block/lambda/reputation";
import { collectReputation } from "../../components/waf-auto-block/lambda/reputation-feeder";
import { CidrSet } from "../../components/shared/net/cidr";

const FIXTURES = join(__dirname, "../../components/waf-auto-block/fixtures");
const load = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));

describe("WafAutoBlock feeders", () => {
  describe("Deep Security (SNS)", () => {
    it("blocks the source of intrusion prevention events over the severity and firewall events over the repeat count", () => {
      const d = decideBlocks(load("sns-deep-security-event.json"));
      assert.deepEqual(d.requests.map((r) => [r.source, r.addresses]), [["deep-security", ["203.0.113.50"]], ["deep-security", ["198.51.100.7"]]]);
      assert.match(d.requests[0].reason, /Apache Struts2 RCE.*severity 3.*i-0123456789abcdef0/);
      assert.match(d.requests[1].requestId!, /^ds:4235:/);
      assert.equal(d.skipped.length, 6);
      // Every request is a valid queue message (the writer's contract).
      for (const r of d.requests) assert.ok(parseQueueMessage(JSON.stringify(r)).ok);
    });

    it("respects configured thresholds", () => {
      const d = decideBlocks(load("sns-deep-security-event.json"), { ...DEFAULT_EVENT_FEEDER, payloadMinSeverity: 4, packetMinRepeat: 20 });
      assert.equal(d.requests.length, 0);
    });

    it("rejects malformed SNS messages without throwing, and keeps the good events of the same batch", () => {
      const good = load("sns-deep-security-event.json");
      const bad = structuredClone(good.Records[0]);
      bad.Sns.MessageId = "bad-1";
      bad.Sns.Message = "not json [";
      const notArray = structuredClone(good.Records[0]);
      notArray.Sns.MessageId = "bad-2";
      notArray.Sns.Message = JSON.stringify([{ EventType: "PayloadLog", Severity: "high", SourceIP: "1.2.3.4; drop" }, 42]);
      const d = decideBlocks({ Records: [bad, notArray, good.Records[0]] });
      assert.equal(d.requests.length, 2);
      assert.ok(d.rejected.some((r) => r.includes("bad-1")));
      assert.ok(d.rejected.some((r) => r.includes("bad-2")));
      for (const hostile of [null, undefined, 42, "x", [], { Records: "x" }, { Records: [{ Sns: null }] }, { Records: [{ EventSource: "aws:sns", Sns: { Message: 5 } }] }]) {
        const r = decideBlocks(hostile);
        assert.equal(r.requests.length, 0);
        assert.ok(r.rejected.length > 0, `rejected: ${JSON.stringify(hostile)}`);
      }
    });
  });

  describe("GuardDuty (EventBridge)", () => {
    it("blocks every port-probe address, the remote of network connections and of API calls; DNS findings name none", () => {
      const probe = decideBlocks(load("guardduty-port-probe.json"));
      assert.equal(probe.requests.length, 1);
      assert.ok(probe.requests[0].addresses.length >= 2, "every probe entry");
      assert.equal(probe.requests[0].source, "guardduty");
      assert.match(probe.requests[0].requestId!, /^gd:.+:2026-11-22T23:19:30.000Z$/);
      assert.deepEqual(decideBlocks(load("guardduty-network-connection.json")).requests[0].addresses, ["198.51.100.23"]);
      assert.deepEqual(decideBlocks(load("guardduty-aws-api-call.json")).requests[0].addresses, ["192.0.2.200"]);
      const dns = decideBlocks(load("guardduty-dns-request.json"));
      assert.equal(dns.requests.length, 0);
      assert.match(dns.skipped[0], /DNS_REQUEST/);
    });

    it("skips findings under the minimum severity and rejects malformed findings", () => {
      const low = load("guardduty-port-probe.json");
      low.detail.severity = 2;
      assert.equal(decideBlocks(low).requests.length, 0);
      const broken = load("guardduty-network-connection.json");
      broken.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = "not-an-ip";
      assert.equal(decideBlocks(broken).requests.length, 0);
      const noType = load("guardduty-network-connection.json");
      delete noType.detail.type;
      const r = decideBlocks(noType);
      assert.equal(r.requests.length, 0);
      assert.equal(r.rejected.length, 1);
    });
  });

  describe("reputation lists", () => {
    it("parses DROP text, DROPv6 and the JSON-lines format robustly", () => {
      const text = [
        "; Spamhaus DROP List 2026/11/23 - (c) 2026 The Spamhaus Project SLU",
        "; Last-Modified: Sun, 22 Nov 2026 12:00:00 GMT",
        "1.10.16.0/20 ; SBL256894",
        "1.19.0.0/16 ; SBL434604",
        "2001:0DB8:1234::/48 ; SBL000001",
        "   45.14.224.0/22;SBL1   ",
        "\r",
        "5.134.128.0/19 ; SBL270738\r",
        "1.10.16.5/20 ; host bits: masked to the network",
        "<html>Too many requests</html>",
        "999.1.1.0/24 ; SBL bad",
        '{"cidr":"2.56.192.0/22","sblid":"SBL459831","rir":"ripencc"}',
        '{"type":"metadata","timestamp":1732300000,"size":1234,"records":2,"copyright":"(c) 2026 The Spamhaus Project SLU"}',
        '{"cidr":42}',
      ].join("\n");
      const list = parseReputationList(text);
      assert.deepEqual(list.cidrs, ["1.10.16.0/20", "1.19.0.0/16", "2001:db8:1234::/48", "45.14.224.0/22", "5.134.128.0/19", "2.56.192.0/22"]);
      assert.equal(list.badLines, 3);
    });

    it("sends each list's entries, keeps going when one list fails, and never sends an empty list (nor fails on a comments-only one)", async () => {
      const answers: Record<string, () => Response> = {
        "https://lists.example/drop.txt": () => new Response("1.10.16.0/20 ; SBL256894\n2.56.192.0/22 ; SBL1\n"),
        "https://lists.example/dropv6.txt": () => new Response("2a06:e480::/29 ; SBL2\n"),
        "https://lists.example/down.txt": () => new Response("oops", { status: 503 }),
        "https://lists.example/empty.txt": () => new Response("<html>maintenance</html>"),
        "https://lists.example/huge.txt": () => new Response("1.2.3.0/24\n".repeat(200_000)),
        "https://lists.example/edrop.txt": () => new Response("; Spamhaus EDROP List: merged into DROP\n; nothing here\n"),
      };
      const fetcher = (async (url: string) => answers[url]()) as unknown as typeof fetch;
      const run = await collectReputation(Object.keys(answers), "evt-1", fetcher, { timeoutMs: 1000, maxBytes: 1024 * 1024 });
      assert.deepEqual(run.requests.flatMap((r) => r.addresses), ["1.10.16.0/20", "2.56.192.0/22", "2a06:e480::/29"]);
      assert.ok(run.requests.every((r) => r.source === "reputation" && r.requestId!.endsWith(":evt-1")));
      assert.deepEqual(run.lists.filter((l) => l.error).map((l) => l.url), ["https://lists.example/down.txt", "https://lists.example/empty.txt", "https://lists.example/huge.txt"]);
      assert.deepEqual(run.lists.find((l) => l.url.endsWith("edrop.txt")), { url: "https://lists.example/edrop.txt", entries: 0, badLines: 0 });
    });
  });

  describe("honeypot", () => {
    const event = (sourceIp: string, xff?: string) => ({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/wp-admin/setup-config.php",
      headers: xff === undefined ? { host: "x" } : { host: "x", "x-forwarded-for": xff },
      requestContext: { requestId: "JKJaXmPLvHcESHA=", http: { method: "GET", path: "/wp-admin/setup-config.php", sourceIp } },
    });
    const cdn = new CidrSet(["130.176.0.0/16", "2600:9000::/28"]);

    it("blocks the real peer and ignores a client's X-Forwarded-For when the peer is not a trusted proxy", () => {
      const d = decideHoneypot(event("45.33.32.156", "8.8.8.8"), cdn);
      assert.deepEqual(d.request!.addresses, ["45.33.32.156"]);
      assert.equal(d.request!.source, "honeypot");
      assert.equal(d.request!.requestId, "hp:JKJaXmPLvHcESHA=");
    });

    it("behind a trusted proxy, takes the nearest untrusted hop from the right and never a spoofed left-most entry", () => {
      assert.deepEqual(decideHoneypot(event("130.176.1.1", "8.8.8.8, 45.33.32.156"), cdn).request!.addresses, ["45.33.32.156"]);
      assert.deepEqual(decideHoneypot(event("130.176.1.1", "8.8.8.8, 45.33.32.156, 130.176.9.9"), cdn).request!.addresses, ["45.33.32.156"]);
      assert.equal(decideHoneypot(event("130.176.1.1"), cdn).request, undefined);
      assert.equal(decideHoneypot(event("130.176.1.1", "130.176.2.2"), cdn).request, undefined);
      assert.equal(decideHoneypot(event("130.176.1.1", "8.8.8.8, <script>"), cdn).request, undefined);
      assert.equal(decideHoneypot({ requestContext: { http: { sourceIp: "nope" } } }, cdn).request, undefined);
      assert.equal(decideHoneypot(null, cdn).request, undefined);
    });
  });
});
