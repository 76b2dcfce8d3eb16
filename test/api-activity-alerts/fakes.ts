import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { Readable } from "node:stream";
import { awsError } from "../harness/aws";
import { refusePublish } from "../harness/sns";

/** SNS as Publish enforces it (see refusePublish). */
export class FakeSns {
  readonly published: Array<{ topicArn: string; subject?: string; message: string }> = [];
  readonly mock = mockClient(SNSClient);
  constructor(readonly topics: string[]) {
    this.mock.on(PublishCommand).callsFake(async (input) => {
      refusePublish(input, (arn) => this.topics.includes(arn));
      this.published.push({ topicArn: input.TopicArn!, subject: input.Subject, message: input.Message! });
      return { MessageId: `m-${this.published.length}` };
    });
  }
  /** The structured JSON part of each message. */
  payloads(): any[] {
    return this.published.map((p) => JSON.parse(p.message.slice(p.message.indexOf('\n{"kind"') + 1)));
  }
  restore(): void {
    this.mock.restore();
  }
}

/** S3 GetObject over an in-memory store: NoSuchKey for missing keys, AccessDenied for buckets not readable. */
export class FakeS3 {
  readonly objects = new Map<string, Buffer>();
  readonly deniedBuckets = new Set<string>();
  readonly reads: string[] = [];
  readonly mock = mockClient(S3Client);
  constructor() {
    this.mock.on(GetObjectCommand).callsFake(async (input) => {
      this.reads.push(`${input.Bucket}/${input.Key}`);
      if (this.deniedBuckets.has(input.Bucket)) throw awsError("AccessDenied", "Access Denied", { httpStatusCode: 403 });
      const body = this.objects.get(`${input.Bucket}/${input.Key}`);
      if (!body) throw awsError("NoSuchKey", "The specified key does not exist.", { httpStatusCode: 404 });
      // Served in 64 KiB pieces, as a network stream would arrive.
      const pieces = function* () {
        for (let i = 0; i < body.length; i += 65536) yield body.subarray(i, i + 65536);
      };
      return { Body: Readable.from(pieces()), ContentLength: body.length };
    });
  }
  restore(): void {
    this.mock.restore();
  }
}
