import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { respond, type PatchReport, type ResponderDeps } from "../../components/patch-on-finding/lambda/responder";
import { settingsFromEnv } from "../../components/patch-on-finding/lambda/settings";
import { FakeAws } from "./fakes";

const HOME = "111122223333";
const TARGET = { accountId: HOME, region: "us-east-1" };
const TOPIC = `arn:aws:sns:us-east-1:${HOME}:kamae-reports`;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const NODES = ["i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa2", "i-0aaaaaaaaaaaaaaa3"];

/** The same CVE on one instance: a fleet-wide CVE arrives as one finding per instance. */
function finding(instanceId: string): any {
  const event = JSON.parse(readFileSync(join(__dirname, "../../components/patch-on-finding/fixtures/inspector-ec2-package-vulnerability.json"), "utf8"));
  const text = JSON.stringify(event).replaceAll(event.detail.resources[0].id, instanceId);
  const out = JSON.parse(text);
  out.detail.findingArn = out.detail.findingArn.replace(/finding\/.*$/, `finding/${instanceId.slice(2)}`); // one finding per instance
  return out;
}

describe("PatchOnFinding stays inside its scope (issue 18, point 10)", () => {
  let aws: FakeAws;
  const deps = (env: Record<string, string> = {}): ResponderDeps => ({
    clients: aws.clients,
    settings: settingsFromEnv({ KAMAE_MODE: "enforce", KAMAE_TABLE_NAME: "kamae-answered", ...env }),
    topicArn: TOPIC,
    sns: aws.snsClient(),
    now: aws.clock.now,
    reported: aws.reported,
    log: silent,
  });
  const outcome = async (id: string, d: ResponderDeps) => {
    try {
      return ((await respond(finding(id), d)) as PatchReport).outcome;
    } catch (err) {
      return (err as Error).name;
    }
  };

  beforeEach(() => {
    aws = new FakeAws(HOME);
    aws.topics.add(TOPIC);
  });

  it("a fleet-wide CVE patches one instance of a 3-node Auto Scaling group at a time; the others are deferred and retried", async () => {
    for (const id of NODES) aws.addInstance(TARGET, id, { tags: { "aws:autoscaling:groupName": "web-asg" } });
    const d = deps();
    assert.deepEqual([await outcome(NODES[0], d), await outcome(NODES[1], d), await outcome(NODES[2], d)], ["act", "DeferredError", "DeferredError"]);
    assert.equal(aws.commandsOf(TARGET).length, 1, "one reboot-capable command in the group");
    assert.ok(aws.published.some((p) => /Auto Scaling group web-asg are being patched \(limit 1 at once\)/.test(JSON.parse(p.Message).reason)));
    aws.commandsOf(TARGET)[0].Status = "Success";
    assert.equal(await outcome(NODES[1], d), "act", "the retry patches the next one");
  });

  it("a tagged group (a cluster) loses at most its share at once", async () => {
    const six = Array.from({ length: 6 }, (_, i) => `i-0bbbbbbbbbbbbbbb${i}`);
    for (const id of six) aws.addInstance(TARGET, id, { tags: { cluster: "db" } });
    const d = deps({ KAMAE_GROUP_TAG_KEY: "cluster", KAMAE_GROUP_MAX_PERCENT: "34" });
    const outcomes = [];
    for (const id of six) outcomes.push(await outcome(id, d));
    assert.deepEqual(outcomes, ["act", "act", "DeferredError", "DeferredError", "DeferredError", "DeferredError"]);
  });

  it("never patches a protected instance, nor one outside the isolation scope, and says so", async () => {
    aws.addInstance(TARGET, NODES[0], { tags: { "kamae:protected": "true", "kamae:isolation-scope": "true" } });
    aws.addInstance(TARGET, NODES[1], { tags: {} });
    aws.addInstance(TARGET, NODES[2], { tags: { "kamae:isolation-scope": "true" } });
    const d = deps({ KAMAE_SCOPE_TAG_KEY: "kamae:isolation-scope" });
    assert.deepEqual([await outcome(NODES[0], d), await outcome(NODES[1], d), await outcome(NODES[2], d)], ["protected", "out-of-scope", "act"]);
    assert.deepEqual(aws.commandsOf(TARGET).map((c) => c.InstanceIds[0]), [NODES[2]]);
    assert.deepEqual(aws.writes.filter((w) => w === "ssm:SendCommand").length, 1);
  });
});
