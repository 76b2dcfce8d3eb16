import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { installOfflineMocks, OfflineMocks } from "../../cli/offline-mocks";

class Inner extends pulumi.ComponentResource {
  readonly topic: aws.sns.Topic;
  constructor(name: string, opts: pulumi.ComponentResourceOptions) {
    super("test:index:Inner", name, {}, opts);
    this.topic = new aws.sns.Topic(`${name}-topic`, {}, { parent: this });
  }
}

class Outer extends pulumi.ComponentResource {
  readonly inner: Inner;
  constructor(name: string) {
    super("test:index:Outer", name, {});
    this.inner = new Inner(`${name}-inner`, { parent: this });
  }
}

async function registered(mocks: OfflineMocks, count: number): Promise<void> {
  for (let i = 0; i < 200 && mocks.resources.length < count; i++) await new Promise((r) => setTimeout(r, 5));
}

describe("installOfflineMocks", () => {
  it("records each resource's parent, dependencies and the engine's URN (whole type chain)", async () => {
    const mocks = new OfflineMocks();
    await installOfflineMocks(pulumi, mocks, "proj", "dev");
    const outer = new Outer("x");
    const queue = new aws.sqs.Queue("q", { kmsMasterKeyId: "alias/k" }, { dependsOn: [outer.inner.topic] });
    await new Promise((r) => queue.urn.apply(r));
    await registered(mocks, 4);
    const byName = new Map(mocks.resources.map((r) => [r.name, r]));
    const topic = byName.get("x-inner-topic")!;
    assert.equal(topic.urn, "urn:pulumi:dev::proj::test:index:Outer$test:index:Inner$aws:sns/topic:Topic::x-inner-topic");
    assert.equal(topic.parent, "urn:pulumi:dev::proj::test:index:Outer$test:index:Inner::x-inner");
    assert.equal(byName.get("x-inner")!.parent, "urn:pulumi:dev::proj::test:index:Outer::x");
    assert.equal(byName.get("x")!.parent, undefined);
    assert.deepEqual(byName.get("q")!.dependencies, [topic.urn]);
  });

  it("leaves the plain mock flow (test harness) as it was: no parent known", async () => {
    const mocks = new OfflineMocks();
    await pulumi.runtime.setMocks(mocks, "proj", "dev", false);
    const outer = new Outer("y");
    await new Promise((r) => outer.inner.topic.urn.apply(r));
    await registered(mocks, 3);
    const topic = mocks.resources.find((r) => r.name === "y-inner-topic")!;
    assert.equal(topic.parent, undefined);
    assert.equal(topic.urn, "urn:pulumi:offline::kamae::aws:sns/topic:Topic::y-inner-topic");
  });
});

describe("OfflineMocks invokes: answers of the real shape", () => {
  const getAmi = (inputs: Record<string, unknown>) => new OfflineMocks().call({ token: "aws:ec2/getAmi:getAmi", inputs, provider: "" });
  const filter = (name: string, ...values: string[]) => ({ name, values });

  it("an AMI lookup answers the architecture its filters ask for (x86_64 unless arm64 is asked)", () => {
    assert.equal(getAmi({ mostRecent: true, owners: ["amazon"], filters: [filter("name", "al2023-ami-*-kernel-6.1-arm64")] }).architecture, "arm64");
    assert.equal(getAmi({ owners: ["amazon"], filters: [filter("architecture", "arm64")] }).architecture, "arm64");
    assert.equal(getAmi({ owners: ["099720109477"], filters: [filter("name", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-*")] }).architecture, "arm64");
    assert.equal(getAmi({ owners: ["amazon"], filters: [filter("name", "al2023-ami-*-x86_64")] }).architecture, "x86_64");
    assert.equal(getAmi({ owners: ["amazon"], filters: [filter("name", "amzn2-ami-hvm-*")] }).architecture, "x86_64");
  });

  it("an Amazon Linux 2023 image requires IMDSv2 (imdsSupport v2.0), as AWS registers it; Amazon Linux 2 and Ubuntu images do not say so", () => {
    const al2023 = getAmi({ mostRecent: true, owners: ["amazon"], filters: [filter("name", "al2023-ami-2023.*-x86_64")] });
    assert.equal(al2023.imdsSupport, "v2.0");
    assert.match(al2023.id, /^ami-[0-9a-f]{17}$/);
    assert.equal(al2023.imageId, al2023.id);
    assert.equal(getAmi({ owners: ["amazon"], filters: [filter("name", "amzn2-ami-hvm-*-x86_64-gp2")] }).imdsSupport, undefined);
    assert.equal(getAmi({ owners: ["099720109477"], filters: [filter("name", "ubuntu/images/*ubuntu-jammy-22.04-amd64-server-*")] }).imdsSupport, undefined);
  });

  it("the ECS-optimized AMI parameter holds the JSON document AWS publishes there; AMI parameters an AMI id", () => {
    const mocks = new OfflineMocks();
    const param = (name: string) => mocks.call({ token: "aws:ssm/getParameter:getParameter", inputs: { name }, provider: "" }).value as string;
    const recommended = JSON.parse(param("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended"));
    assert.match(recommended.image_id, /^ami-[0-9a-f]{17}$/);
    assert.equal(typeof recommended.image_name, "string");
    assert.match(param("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"), /^ami-[0-9a-f]{17}$/);
  });
});
