import type { Figure } from "./lib";
import { record, world } from "../test/waf-auto-block/writer-harness";

/**
 * The single writer against the WAF fake (lock tokens, 10,000 per set, ~1 write/s) and the DynamoDB fake: how many
 * UpdateIPSet calls and how much simulated time N block requests cost, and whether any address is lost. Requests
 * arrive as the event source mapping delivers them, in batches of 10 (SQS's default batch size), 100 and 1,000
 * messages. The baseline is the reference solution's pattern, one UpdateIPSet per request.
 */
async function run(n: number, batch: number): Promise<{ calls: number; simulatedSeconds: number; lost: number }> {
  const shards = Math.ceil(n / 10_000);
  const w = world({ v4Shards: shards, v6Shards: 1 });
  // DynamoDB serves whole batches here, so the simulated time is the WAF writes' (the fake's default withholds keys).
  w.dynamo.batchGetServes = 100;
  const ip = (i: number) => `11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const messages = Array.from({ length: n }, (_, i) => record({ kind: "kamae.block", addresses: [ip(i)], source: "guardduty", reason: "bench", requestId: `gd:${i}` }));
  const start = w.clock.now();
  for (let i = 0; i < messages.length; i += batch) await w.deliver(messages.slice(i, i + batch));
  const present = new Set(w.waf.all());
  const lost = messages.length - [...Array(n).keys()].filter((i) => present.has(`${ip(i)}/32`)).length;
  return { calls: w.waf.calls.update, simulatedSeconds: (w.clock.now() - start) / 1000, lost };
}

export default async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [n, batch] of [[1000, 10], [1000, 100], [1000, 1000], [10_000, 1000], [50_000, 1000]] as const) {
    const r = await run(n, batch);
    const what = `${n.toLocaleString("en-US")} block requests in batches of ${batch.toLocaleString("en-US")}`;
    // One write per batch at most: the writer coalesces a batch, so fewer writes than batches only if batches merge.
    const target = n === 1000 ? `≤ ${n / batch} writes (one per batch)` : undefined;
    figures.push({
      name: `UpdateIPSet calls for ${what}`,
      value: r.calls,
      unit: "calls",
      baseline: n,
      ratio: r.calls / n,
      ...(target ? { target, met: r.calls <= n / batch } : {}),
    });
    figures.push({ name: `Simulated time for ${what} (1 write/s limit)`, value: r.simulatedSeconds, unit: "s" });
    figures.push({ name: `Addresses lost of ${what}`, value: r.lost, unit: "addresses", target: "0", met: r.lost === 0 });
  }
  return figures;
}
