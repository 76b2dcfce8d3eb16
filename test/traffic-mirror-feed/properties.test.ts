import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { mirrorSupport } from "../../components/traffic-mirror-feed/lambda/instance-types";
import { FEED_TAG, SOURCE_INSTANCE_TAG, type FeedSettings } from "../../components/traffic-mirror-feed/lambda/model";
import { handleFeedEvent } from "../../components/traffic-mirror-feed/lambda/responder";
import { FakeEc2 } from "./fakes";

const schedule = JSON.parse(readFileSync(join(__dirname, "../../components/traffic-mirror-feed/fixtures/scheduled-reconcile.json"), "utf8"));
const TARGET = "tmt-0aa11bb22cc33dd44";
const FILTER = "tmf-0ee55ff66aa77bb88";
const FOREIGN_TARGET = "tmt-0999999999999999a";
const settings: FeedSettings = { feedName: "sensor-feed", targetId: TARGET, filterId: FILTER, sessionNumber: 2, tagKey: KamaeTags.trafficMirror, tagValue: "true", mode: "enforce", maxActions: 1000 };

const instanceArb = fc.record({
  type: fc.constantFrom("m5.large", "t3.micro", "t2.micro", "m4.large", "c6i.large", "m5.metal"),
  state: fc.constantFrom("running", "running", "stopped", "pending", "terminated"),
  selected: fc.boolean(),
  enis: fc.array(
    fc.record({
      type: fc.constantFrom("interface", "interface", "efa"),
      foreignNumbers: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
      staleFeedSession: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe("TrafficMirrorFeed reconciliation: properties", function () {
  this.timeout(120_000);

  it("whatever the starting state: other tools' sessions survive, limits hold, every mirrorable ENI is fed once, and a second run does nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(instanceArb, { minLength: 1, maxLength: 6 }), async (instances) => {
        const ec2 = new FakeEc2();
        ec2.pageSize = 3;
        ec2.targets.set(TARGET, { kind: "nlb" });
        ec2.targets.set(FOREIGN_TARGET, { kind: "nlb" });
        ec2.filters.add(FILTER);
        const foreign: string[] = [];
        instances.forEach((spec, i) => {
          const id = `i-${(i + 1).toString(16).padStart(17, "0")}`;
          const enis = spec.enis.map((e, j) => ({ id: `eni-${(i * 10 + j + 1).toString(16).padStart(17, "0")}`, type: e.type }));
          ec2.addInstance({ id, type: spec.type, state: spec.state, tags: spec.selected ? { [KamaeTags.trafficMirror]: "true" } : {}, enis });
          spec.enis.forEach((e, j) => {
            for (const n of e.foreignNumbers) foreign.push(ec2.addSession({ eniId: enis[j].id, targetId: FOREIGN_TARGET, filterId: FILTER, sessionNumber: n, tags: {} }).id);
            // A session this feed made earlier, for an instance that may since have lost its tag.
            if (e.staleFeedSession && e.foreignNumbers.length < 3 && !e.foreignNumbers.includes(9)) {
              ec2.addSession({ eniId: enis[j].id, targetId: TARGET, filterId: FILTER, sessionNumber: 9, tags: { [FEED_TAG]: "sensor-feed", [SOURCE_INSTANCE_TAG]: id } });
            }
          });
          if (spec.state === "terminated") ec2.terminate(id);
        });

        const deps = { settings, ec2For: () => ec2.client };
        const first = await handleFeedEvent(schedule, deps);
        assert.ok(first.outcomes.every((o) => o.result !== "failed"), JSON.stringify(first.outcomes.filter((o) => o.result === "failed")));

        for (const id of foreign) assert.ok(ec2.sessions.has(id), "another tool's session was deleted");
        for (const eni of new Set([...ec2.sessions.values()].map((s) => s.eniId))) {
          const numbers = ec2.sessionsOn(eni).map((s) => s.sessionNumber);
          assert.ok(numbers.length <= 3 && new Set(numbers).size === numbers.length, `limits broken on ${eni}`);
        }
        for (const instance of ec2.instances.values()) {
          const fed = instance.state === "running" && instance.tags[KamaeTags.trafficMirror] === "true" && mirrorSupport(instance.type).supported;
          for (const eni of instance.enis) {
            const feed = ec2.sessionsOn(eni.id).filter((s) => s.tags[FEED_TAG] === "sensor-feed");
            const selected = instance.tags[KamaeTags.trafficMirror] === "true";
            if (!selected || instance.state === "terminated") assert.equal(feed.length, 0, `feed session left on ${eni.id} of an unselected instance`);
            else if (fed && eni.type === "interface" && ec2.sessionsOn(eni.id).length - feed.length < 3) assert.equal(feed.length, 1, `${eni.id} not fed`);
            else assert.ok(feed.length <= 1);
          }
        }
        assert.ok(![...ec2.sessions.values()].some((s) => s.tags[FEED_TAG] && !ec2.instances.get(s.tags[SOURCE_INSTANCE_TAG])?.enis.some((e) => e.id === s.eniId)), "orphaned feed session");

        const second = await handleFeedEvent(schedule, deps);
        assert.deepEqual(second.actions, [], "a second run must find nothing to do");
      }),
      { numRuns: 300 },
    );
  });
});
