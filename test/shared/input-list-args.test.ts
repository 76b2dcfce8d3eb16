import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { MalwareQuarantine } from "../../components/malware-quarantine";
import { MemberAccountAccess } from "../../components/member-account-access";
import { WafAutoBlock } from "../../components/waf-auto-block";
import { iamDocuments, resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";

// List args that name resources take resources created in the same program (Outputs), where no child's name derives
// from them.
const FSS_TOPIC = "arn:aws:sns:us-east-1:123456789012:fss-scan-results";
const granted = (needle: string) => iamDocuments().some((d) => JSON.stringify(d.document).includes(needle));

describe("list args that name resources accept Outputs", () => {
  beforeEach(() => useOfflineMocks());

  it("MalwareQuarantine.sourceBucketNames: a bucket created in the same program", async () => {
    const uploads = new aws.s3.Bucket("uploads", { bucket: "uploads-created-here" });
    new MalwareQuarantine("mq", { fileStorageSecurityTopicArns: [FSS_TOPIC], sourceBucketNames: [uploads.bucket] });
    await settle();
    assert.ok(granted("arn:aws:s3:::uploads-created-here/*"), "the function may move objects out of the created bucket");
  });

  it("WafAutoBlock.accessLogs.bucketNames: the trigger's pattern names the created bucket", async () => {
    const logs = new aws.s3.Bucket("alb-logs", { bucket: "alb-logs-created-here" });
    new WafAutoBlock("waf", { accessLogs: { bucketNames: [logs.bucket, "existing-logs"] } });
    await settle();
    const patterns = resourcesOfType("aws:cloudwatch/eventRule:EventRule").map((r) => r.inputs.eventPattern).filter((p) => typeof p === "string" && p.includes("Object Created"));
    assert.deepEqual(JSON.parse(patterns[0]).detail.bucket.name, ["alb-logs-created-here", "existing-logs"]);
    assert.ok(granted("arn:aws:s3:::alb-logs-created-here/*"));
  });

  it("MemberAccountAccess.quarantineSourceBucketNames: a bucket created in the member account's program", async () => {
    const uploads = new aws.s3.Bucket("uploads", { bucket: "member-uploads-here" });
    new MemberAccountAccess("member", {
      centralAccountId: "111122223333",
      externalId: "x",
      responders: ["malware-quarantine"],
      quarantineSourceBucketNames: [uploads.bucket],
      quarantineBucketName: "central-quarantine",
    });
    await settle();
    assert.ok(granted("arn:aws:s3:::member-uploads-here/*"));
  });
});
