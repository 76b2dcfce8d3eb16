import { strict as assert } from "node:assert";
import { FakeClock } from "../harness/aws";
import { fakeReportedEvents } from "../harness/reported-events";

describe("WindowBreaker (a sliding window in a responder's table)", () => {
  it("admits at most max changes in the window, however many invocations ask at once", async () => {
    const clock = new FakeClock();
    let puts = 0;
    const table = fakeReportedEvents(clock.now, (call) => void (call === "dynamodb:PutItem" && puts++));
    const breaker = table.breakerIn("breaker#test", { max: 3, windowSeconds: 60 });
    // Ten concurrent invocations: each reads the same version, only one write per version holds, the others re-read.
    const slots = await Promise.all(Array.from({ length: 10 }, () => breaker.take()));
    assert.equal(slots.filter((s) => s.admitted).length, 3);
    assert.ok(puts > 3, "the invocations raced: some writes were refused and re-decided");
    assert.deepEqual(table.answered.get("breaker#test")!.changes.length, 3);
    clock.advance(61_000);
    assert.equal((await breaker.take()).admitted, true);
  });

  it("fails closed: a state it cannot write under contention throws instead of admitting", async () => {
    const clock = new FakeClock();
    let puts = 0;
    const table = fakeReportedEvents(clock.now, (call) => {
      // Someone else always writes the item between this breaker's read and its write.
      if (call === "dynamodb:PutItem" && puts++ < 10) table.answered.set("breaker#test", { pk: "breaker#test", changes: [], version: puts + 100 });
    });
    await assert.rejects(table.breakerIn("breaker#test", { max: 3, windowSeconds: 60 }).take(), /stayed contended/);
  });
});
