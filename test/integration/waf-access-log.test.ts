import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateQueueCommand } from "@aws-sdk/client-sqs";
import { strict as assert } from "node:assert";
import { gzipSync } from "node:zlib";
import { drain, sqs, stateTable } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region, uniqueName } from "./endpoint";
import { LambdaFunction } from "./functions";

// Issue 18, point 5, end to end on the built bundle: a trusted proxy (a CloudFront edge in front of the ALB) carries
// many users; it is never counted, so never blocked, while an attacker's address over the threshold is.

const EDGE = "130.176.12.34"; // in CloudFront's origin-facing ranges (the component reads them from the managed prefix list at deploy time)
const ATTACKER = "185.220.101.45";

/** An ALB access-log line (the reference format), target status 200. */
function albLine(client: string, at: Date, n: number): string {
  const t = at.toISOString().replace("Z", `${String(n % 1000).padStart(3, "0")}Z`);
  return `http ${t} app/web/50dc6c495c0c9188 ${client}:${40000 + (n % 20000)} 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:${region}:${HOME_ACCOUNT}:targetgroup/web/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 ${t} "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1234abcd5678ef90`;
}

describeAgainstEndpoint("WafAutoBlock's access-log feeder never counts a trusted proxy", function () {
  const s3 = new S3Client({ region, forcePathStyle: true });
  const bucket = uniqueName("kamae-it-alb-logs");
  let queue: string;
  let fn: LambdaFunction;

  before(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    queue = (await sqs().send(new CreateQueueCommand({ QueueName: uniqueName("kamae-it-waf-feed") }))).QueueUrl!;
    const counters = await stateTable("kamae-it-counters", "ip", { name: "minute", type: "N" });
    fn = await LambdaFunction.start("waf-log-parser", {
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
      KAMAE_BLOCK_QUEUE_URL: queue,
      KAMAE_COUNTER_TABLE: counters,
      KAMAE_REQUESTS_PER_5_MINUTES: "100",
      KAMAE_TRUSTED_PROXIES: "130.176.0.0/17",
    });
  });
  after(() => fn?.stop());

  it("200 requests from a CloudFront edge are not counted; the same from an attacker are blocked", async () => {
    const now = new Date();
    const lines = Array.from({ length: 200 }, (_, i) => [albLine(EDGE, now, i), albLine(ATTACKER, now, i)]).flat();
    const key = `AWSLogs/${HOME_ACCOUNT}/elasticloadbalancing/${region}/2026/12/05/${HOME_ACCOUNT}_elasticloadbalancing_${region}_app.web.50dc6c495c0c9188_20261205T0000Z_10.0.0.1_abc.log.gz`;
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: gzipSync(lines.join("\n") + "\n") }));
    const event = {
      version: "0",
      id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
      "detail-type": "Object Created",
      source: "aws.s3",
      account: HOME_ACCOUNT,
      time: now.toISOString(),
      region,
      resources: [`arn:aws:s3:::${bucket}`],
      detail: { version: "0", bucket: { name: bucket }, object: { key, size: 1, etag: (put.ETag ?? "").replace(/"/g, ""), sequencer: "0055AED6DCD90281E5" }, reason: "PutObject" },
    };
    const out = await fn.invoke(event);
    assert.equal(out.error, undefined, fn.logText());
    const requests = (await drain(queue)).map((b) => JSON.parse(b) as { addresses: string[]; source: string });
    const blocked = requests.flatMap((r) => r.addresses);
    assert.ok(blocked.some((a) => a.startsWith(ATTACKER)), `the attacker is blocked: ${fn.logText()}`);
    assert.ok(!blocked.some((a) => a.startsWith(EDGE)), "the CloudFront edge is never blocked");
  });
});
