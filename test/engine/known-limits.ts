/**
 * Where `kamae check` (offline) and a real `pulumi preview` may differ, each described in cli/README.md
 * ("Known limits against the engine"). The engine suite accepts a difference only when one of these explains it.
 */
export interface KnownLimit {
  /** The heading id in cli/README.md. */
  readonly id: string;
  /** Which side alone reports the finding. */
  readonly side: "offline" | "engine";
  /** Matches `<policy> <level> <urn>` of the finding. */
  readonly finding: RegExp;
  /** Matches the program's label; all programs when absent. */
  readonly program?: RegExp;
  used?: boolean;
}

export const KNOWN_LIMITS: KnownLimit[] = [
  {
    // awsx components are remote: offline they are answered as one opaque resource (listed as not expanded); the
    // engine's awsx stub expands them, so the policies that judge their children (subnets) or what is placed in them
    // (a group or load balancer in its subnets) speak only under the engine.
    id: "remote-components",
    side: "engine",
    finding: /^(subnet-auto-assign-public-ip-disabled|autoscaling-multiple-az|elbv2-multiple-az) advisory urn:.*/,
  },
];

export function explainedBy(program: string, side: "offline" | "engine", key: string): string | undefined {
  const limit = KNOWN_LIMITS.find((l) => l.side === side && l.finding.test(key) && (!l.program || l.program.test(program)));
  if (limit) limit.used = true;
  return limit?.id;
}
