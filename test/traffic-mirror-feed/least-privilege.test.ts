import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { TrafficMirrorFeed } from "../../components/traffic-mirror-feed";
import { MIRROR_STATUS_TAG } from "../../components/traffic-mirror-feed/lambda/model";
import { handleFeedEvent } from "../../components/traffic-mirror-feed/lambda/responder";
import { feedSettingsFromEnv } from "../../components/traffic-mirror-feed/lambda/settings";
import { builtFunction, checkCommands, commandsOf, type SentCommand } from "../harness/least-privilege";
import { ACCOUNT_ID, REGION, settle, useOfflineMocks } from "../harness/pulumi";
import { FakeEc2 } from "./fakes";

const fixture = (name: string): any => JSON.parse(readFileSync(join(__dirname, "../../components/traffic-mirror-feed/fixtures", name), "utf8"));

/**
 * Every AWS call TrafficMirrorFeed makes is granted by the policy its component builds, and nothing more: sessions
 * created for a selected instance, an unsupported one marked, a terminated one's sessions removed, a reconciliation.
 */
describe("TrafficMirrorFeed: every AWS call is granted, and nothing more", () => {
  it("create, mark, remove and reconcile", async () => {
    await useOfflineMocks();
    new TrafficMirrorFeed("feed", { networkLoadBalancerArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/net/sensor/0123456789abcdef`, mode: "enforce" });
    await settle();
    const { env, policy } = builtFunction("feed-sessions", { ids: { "feed-target-id": "tmt-0aa11bb22cc33dd44", "feed-filter-id": "tmf-0ee55ff66aa77bb88" } });
    const settings = feedSettingsFromEnv(env);
    const ec2 = new FakeEc2();
    ec2.targets.set(settings.targetId, { kind: "nlb" });
    ec2.filters.add(settings.filterId);
    const selected = { [settings.tagKey]: settings.tagValue };
    const running = fixture("ec2-running.json");
    const instanceId = running.detail["instance-id"];
    ec2.addInstance({ id: instanceId, tags: selected });
    ec2.addInstance({ id: "i-0a1b2c3d4e5f60009", tags: selected, type: "t2.micro" });
    const sent: SentCommand[] = [];
    const clients = new AccountClients({ homeAccountId: ACCOUNT_ID, memberAccountIds: [], allowedRegions: [REGION], sessionName: "t" });
    const deps = {
      settings,
      ec2For: (target: { accountId: string; region: string }) => (clients.check(target), ec2.client),
      // The handler publishes each report to the topic.
      publish: async () => void sent.push({ command: "PublishCommand", input: { TopicArn: env.KAMAE_REPORT_TOPIC_ARN } }),
    };
    const marked = { ...running, detail: { ...running.detail, "instance-id": "i-0a1b2c3d4e5f60009" } };
    for (const event of [running, marked, fixture("scheduled-reconcile.json")]) await handleFeedEvent(event, deps);
    assert.equal(ec2.sessions.size, 1);
    assert.equal(ec2.instances.get("i-0a1b2c3d4e5f60009")!.tags[MIRROR_STATUS_TAG], "unsupported");
    // The sessions' tags, as DeleteTrafficMirrorSession finds them.
    const sessionTags = new Map([...ec2.sessions].map(([id, session]) => [id, session.tags]));
    ec2.terminate(instanceId);
    await handleFeedEvent({ ...running, detail: { ...running.detail, state: "terminated" } }, deps);
    assert.equal(ec2.sessions.size, 0);
    checkCommands("traffic-mirror-sessions", policy, [...commandsOf([ec2.mock]), ...sent], {
      accountId: ACCOUNT_ID,
      region: REGION,
      key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey").Resource[0],
      tagsOf: (arn) => ec2.instances.get(arn.split("/").at(-1)!)?.tags ?? sessionTags.get(arn.split("/").at(-1)!),
    });
  });
});
