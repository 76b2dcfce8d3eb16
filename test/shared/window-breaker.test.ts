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

  it("decides from a read made earlier without reading again; a read gone stale is read again and re-decided", async () => {
    const clock = new FakeClock();
    const calls: string[] = [];
    const table = fakeReportedEvents(clock.now, (call) => void calls.push(call));
    const breaker = table.breakerIn("breaker#early", { max: 2, windowSeconds: 60 });
    assert.deepEqual(await breaker.takeUpTo(1, undefined, await breaker.read()), { admitted: 1, recent: 0 });
    assert.deepEqual(calls, ["dynamodb:GetItem", "dynamodb:PutItem"], "one read, made before the decision, and the write");
    // Read early by two invocations: the second one's read no longer holds when it writes, so it reads again.
    const [early1, early2] = [await breaker.read(), await breaker.read()];
    calls.length = 0;
    assert.deepEqual(await breaker.takeUpTo(1, undefined, early1), { admitted: 1, recent: 1 });
    assert.deepEqual(await breaker.takeUpTo(1, undefined, early2), { admitted: 0, recent: 2 });
    assert.deepEqual(calls, ["dynamodb:PutItem", "dynamodb:PutItem", "dynamodb:GetItem"]);
    assert.equal(table.answered.get("breaker#early")!.changes.length, 2, "never more than max, whatever was read early");
  });

  it("admits part of a request for several changes, counts exactly what it admitted, and forgets them as the window slides", async () => {
    const clock = new FakeClock();
    const table = fakeReportedEvents(clock.now, () => undefined);
    const breaker = table.breakerIn("breaker#many", { max: 10, windowSeconds: 60 });
    assert.deepEqual(await breaker.takeUpTo(4), { admitted: 4, recent: 0 });
    clock.advance(30_000);
    assert.deepEqual(await breaker.takeUpTo(9), { admitted: 6, recent: 4 });
    assert.deepEqual(await breaker.takeUpTo(1), { admitted: 0, recent: 10 });
    assert.equal((await breaker.take()).admitted, false);
    // The first 4 leave the window, the 6 admitted 30 s later are still in it.
    clock.advance(31_000);
    assert.deepEqual(await breaker.takeUpTo(9), { admitted: 4, recent: 6 });
  });
});
