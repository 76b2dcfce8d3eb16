import { EC2Client } from "@aws-sdk/client-ec2";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AccountClients, accountAccessFromEnv } from "../../components/shared/aws/account-clients";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { handleFeedEvent, type FeedReport } from "../../components/traffic-mirror-feed/lambda/responder";
import { FakeEc2 } from "../traffic-mirror-feed/fakes";
import { CENTRAL, MEMBER_A } from "./central-account";

const fixture = (name: string): any => JSON.parse(readFileSync(join(__dirname, "../../components/traffic-mirror-feed/fixtures", name), "utf8"));
const INSTANCE = "i-0a1b2c3d4e5f60001";

// TrafficMirrorFeed is per-account by design (a mirror filter cannot be shared across accounts). When a member's
// MemberAccountAccess forwards instance state changes to the central bus, a central feed must not act on them.
describe("A central TrafficMirrorFeed and member accounts' forwarded events", () => {
  it("refuses a member's state change (its function has no member accounts), logs the account, calls nothing", async () => {
    const ec2 = new FakeEc2();
    ec2.targets.set("tmt-0aa11bb22cc33dd44", { kind: "nlb" });
    ec2.filters.add("tmf-0ee55ff66aa77bb88");
    ec2.addInstance({ id: INSTANCE, tags: { [KamaeTags.trafficMirror]: "true" }, enis: [{ id: "eni-0000000000000a001", type: "interface" }] });
    // The environment TrafficMirrorFeed's component sets: its home account and Region, nothing else.
    const clients = new AccountClients(accountAccessFromEnv({ KAMAE_HOME_ACCOUNT_ID: CENTRAL, KAMAE_ALLOWED_REGIONS: "us-east-1" }));
    const made: Array<{ accountId: string; region: string }> = [];
    const published: FeedReport[] = [];
    const logged: Array<Record<string, unknown>> = [];
    const event = fixture("ec2-running.json");
    event.account = MEMBER_A;
    event.detail = { "instance-id": INSTANCE, state: "running" };
    event.resources = [`arn:aws:ec2:us-east-1:${MEMBER_A}:instance/${INSTANCE}`];

    const report = await handleFeedEvent(event, {
      settings: { feedName: "sensor-feed", targetId: "tmt-0aa11bb22cc33dd44", filterId: "tmf-0ee55ff66aa77bb88", sessionNumber: 1, tagKey: KamaeTags.trafficMirror, tagValue: "true", mode: "enforce", maxActions: 100 },
      ec2For: (target) => {
        made.push(target);
        clients.client(EC2Client, target);
        return ec2.client;
      },
      publish: async (_subject, r) => {
        published.push(r);
      },
      log: (_message, detail) => logged.push(detail as Record<string, unknown>),
    });

    assert.equal(report.trigger, "rejected");
    assert.equal(report.accountId, MEMBER_A);
    assert.match(report.rejected ?? "", new RegExp(`account ${MEMBER_A} is not enrolled`));
    // Refusals are logged, not mailed (the feed mails only changes): the log names the account.
    assert.deepEqual(published, []);
    assert.deepEqual(logged.map((l) => [l.trigger, l.accountId]), [["rejected", MEMBER_A]]);
    assert.deepEqual(ec2.sessionsOn("eni-0000000000000a001"), []);
    assert.equal(made.length, 1, "the refusal came from AccountClients");
    assert.deepEqual(ec2.calls, { describeInstances: 0, describeSessions: 0, create: 0, delete: 0, createTags: 0 }, "no EC2 call");
  });
});
