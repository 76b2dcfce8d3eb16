import { strict as assert } from "node:assert";
import { IpSetWriter, sameMembers } from "../../components/waf-auto-block/lambda/ip-set-writer";
import { awsError, FakeClock } from "../harness/aws";
import { FakeWaf } from "./fakes";

describe("IpSetWriter", () => {
  let clock: FakeClock;
  let waf: FakeWaf;
  const writer = (maxAttempts = 4) => new IpSetWriter(waf.client, { now: clock.now, sleep: clock.sleep, random: () => 0.5, minWriteIntervalMs: 1100, maxAttempts });
  beforeEach(() => {
    clock = new FakeClock();
    waf = new FakeWaf(clock);
  });
  afterEach(() => waf.restore());

  it("writes nothing when the target has the set's members, in any order and spelling", async () => {
    const set = waf.create("v6", 6);
    waf.externalEdit(set.id, ["2001:DB8:0:0:0:0:0:1/128", "2001:DB8:0:0:0:0:0:2/128"]);
    const w = writer();
    const contents = await w.read(set);
    const out = await w.write(set, ["2001:db8::2/128", "2001:db8::1/128"], contents);
    assert.deepEqual(out, { written: false, conflict: false, throttles: 0 });
    assert.equal(waf.calls.update, 0);
    assert.equal(w.updateCalls, 0);
  });

  it("retries throttling exactly maxAttempts times in all, then fails with the throttle", async () => {
    const set = waf.create("v4", 4);
    waf.beforeUpdate = () => {
      throw awsError("ThrottlingException", "Rate exceeded");
    };
    const w = writer(4);
    await assert.rejects(w.write(set, ["45.33.32.1/32"], await w.read(set)), { name: "ThrottlingException" });
    assert.equal(waf.calls.update, 4);
    assert.equal(w.updateCalls, 4);
  });

  it("counts the throttles it overcame, and does not retry what is not a throttle", async () => {
    const set = waf.create("v4", 4);
    let left = 2;
    waf.beforeUpdate = () => {
      if (left-- > 0) throw awsError("WAFInternalErrorException", "internal", { fault: "server", httpStatusCode: 500 });
    };
    const w = writer(4);
    assert.deepEqual(await w.write(set, ["45.33.32.1/32"], await w.read(set)), { written: true, conflict: false, throttles: 2 });
    waf.beforeUpdate = () => {
      throw awsError("WAFLimitsExceededException", "limit");
    };
    await assert.rejects(w.write(set, ["45.33.32.2/32"], await w.read(set)), { name: "WAFLimitsExceededException" });
    assert.equal(waf.calls.update, 4);
  });

  it("sameMembers: equal only as sets of the same size", () => {
    assert.equal(sameMembers(["a", "b"], ["b", "a"]), true);
    assert.equal(sameMembers(["a", "a"], ["a", "b"]), false);
    assert.equal(sameMembers(["a"], ["a", "b"]), false);
    assert.equal(sameMembers(["a", "b"], ["a", "c"]), false);
    assert.equal(sameMembers([], []), true);
  });
});
