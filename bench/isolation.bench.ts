/**
 * Instance isolation: how many sequential AWS round trips stand between receiving a GuardDuty finding and the network
 * cut (the last ENI in the empty group), and the whole handler's time, with every simulated AWS call taking 50 ms.
 * Measured on the case (ASG, two target groups, two ENIs, an Elastic IP), with the isolation groups already in
 * the VPC (warm) and created on demand (cold), in scope by its tag (the default); and, groups existing, in scope by its
 * Auto Scaling group (the instance is marked before it leaves the group, whose tag bounds the function's writes).
 * Baseline: the public sample, which sleeps 180 s inside the function (counted as a figure, not slept).
 */
import type { CallRecord } from "../test/instance-isolation/fakes";
import { Figure, median } from "./lib";

const LATENCY_MS = 50;
const REPEATS = 5;
const PUBLIC_SAMPLE_SLEEP_MS = 180_000;

/** Depth of the call graph up to `last`: each call is one deeper than the deepest call that ended before it began. */
export function sequentialRoundTrips(calls: readonly CallRecord[], last: CallRecord): number {
  const depth = new Map<CallRecord, number>();
  const sorted = [...calls].sort((a, b) => a.startedMs - b.startedMs);
  for (const c of sorted) {
    const before = sorted.filter((d) => d !== c && d.endedMs !== undefined && d.endedMs <= c.startedMs);
    depth.set(c, 1 + Math.max(0, ...before.map((d) => depth.get(d) ?? 0)));
  }
  return depth.get(last)!;
}

export default async function run(): Promise<Figure[]> {
  process.env.POWERTOOLS_LOG_LEVEL ??= "SILENT";
  const { webTier, run: handle, fixture, VPC, deps } = await import("../test/instance-isolation/scenario");
  const measure = async (warm: boolean, env: Record<string, string> = {}) => {
    const rounds: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const { fake } = webTier();
      try {
        if (warm) {
          fake.addGroup(VPC, "kamae-isolation-empty", { "kamae:isolation-group": "empty" }, { egress: [] });
          fake.addGroup(VPC, "kamae-isolation-transition", { "kamae:isolation-group": "transition" }, {
            ingress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }],
            egress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }],
          });
        }
        fake.latencyMs = LATENCY_MS;
        const event = fixture("guardduty-backdoor-cc.json");
        const start = process.hrtime.bigint();
        const result = await handle(event, deps(env));
        totals.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (result.responses[0]?.outcome !== "isolated") throw new Error(`benchmark run did not isolate: ${JSON.stringify(result)}`);
        const lastCut = fake.ops("ModifyNetworkInterfaceAttribute").sort((a, b) => a.endedMs! - b.endedMs!).at(-1)!;
        rounds.push(sequentialRoundTrips(fake.calls, lastCut));
      } finally {
        fake.restore();
      }
    }
    return { rounds: median(rounds), total: median(totals) };
  };
  const warm = await measure(true);
  const cold = await measure(false);
  const byGroup = await measure(true, { KAMAE_SCOPE_ASG_NAMES: "web-asg" });
  return [
    { name: "isolation: sequential AWS round trips to the network cut (isolation groups exist)", value: warm.rounds, unit: "round trips", target: "≤ 6", met: warm.rounds <= 6 },
    { name: "isolation: sequential AWS round trips to the network cut (groups created on demand)", value: cold.rounds, unit: "round trips", target: "≤ 6", met: cold.rounds <= 6 },
    {
      name: "isolation: sequential AWS round trips to the network cut (scope by Auto Scaling group, isolation groups exist)",
      value: byGroup.rounds,
      unit: "round trips",
      target: "≤ 6",
      met: byGroup.rounds <= 6,
    },
    {
      name: `isolation: handler time, ${LATENCY_MS} ms per AWS call (isolation groups exist)`,
      value: warm.total,
      unit: "ms",
      baseline: PUBLIC_SAMPLE_SLEEP_MS,
      ratio: warm.total / PUBLIC_SAMPLE_SLEEP_MS,
      target: "< 1000 ms (public sample: sleeps 180 s)",
      met: warm.total < 1000,
    },
    {
      name: `isolation: handler time, ${LATENCY_MS} ms per AWS call (groups created on demand)`,
      value: cold.total,
      unit: "ms",
      baseline: PUBLIC_SAMPLE_SLEEP_MS,
      ratio: cold.total / PUBLIC_SAMPLE_SLEEP_MS,
      target: "< 1000 ms (public sample: sleeps 180 s)",
      met: cold.total < 1000,
    },
  ];
}
