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
