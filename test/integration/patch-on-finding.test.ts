import { EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { ListCommandsCommand, SSMClient } from "@aws-sdk/client-ssm";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reportTopic, stateTable } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region } from "./endpoint";
import { LambdaFunction } from "./functions";

const FIXTURE = join(__dirname, "..", "..", "components", "patch-on-finding", "fixtures", "inspector-ec2-package-vulnerability.json");

describeAgainstEndpoint("PatchOnFinding's bundle patches the instance an Inspector finding names, once", function () {
  const ssm = new SSMClient({ region });
  let instanceId: string;
  let fn: LambdaFunction;
  let reports: Awaited<ReturnType<typeof reportTopic>>;

  const finding = () => {
    const event = JSON.parse(readFileSync(FIXTURE, "utf8"));
    event.account = HOME_ACCOUNT;
    event.region = region;
    event.resources = [instanceId];
    event.detail.awsAccountId = HOME_ACCOUNT;
    event.detail.findingArn = event.detail.findingArn.replace(/:\d{12}:/, `:${HOME_ACCOUNT}:`).replace(/inspector2:[a-z0-9-]+:/, `inspector2:${region}:`);
    for (const r of event.detail.resources ?? []) {
      r.id = instanceId;
      r.region = region;
    }
    return event;
  };
  const patchCommands = async () => ((await ssm.send(new ListCommandsCommand({ InstanceId: instanceId }))).Commands ?? []).filter((c) => c.DocumentName === "AWS-RunPatchBaseline");

  before(async () => {
    instanceId = (await new EC2Client({ region }).send(new RunInstancesCommand({ ImageId: "ami-12c6146b", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1 }))).Instances![0].InstanceId!;
    reports = await reportTopic("kamae-it-patch-reports");
    fn = await LambdaFunction.start("patch-on-finding", { KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT, KAMAE_MODE: "enforce", KAMAE_TOPIC_ARN: reports.topicArn, KAMAE_TABLE_NAME: await stateTable("kamae-it-patch-answered") });
  });
  after(() => fn?.stop());

  it("sends AWS-RunPatchBaseline (Install) to the instance, reports it once, and a replay sends and publishes nothing more (issue 18, point 11)", async () => {
    const out = await fn.invoke(finding());
    assert.equal(out.error, undefined, fn.logText());
    const sent = await patchCommands();
    assert.equal(sent.length, 1, fn.logText());
    assert.deepEqual(sent[0].Parameters?.Operation, ["Install"]);
    assert.ok(sent[0].InstanceIds?.includes(instanceId));
    assert.equal((await reports.read()).length, 1, "the patch is reported");
    assert.equal((await fn.invoke(finding())).error, undefined, fn.logText());
    assert.equal((await patchCommands()).length, 1, "the replay was deduplicated");
    assert.deepEqual(await reports.read(), [], "the replay publishes no second report");
  });
});
