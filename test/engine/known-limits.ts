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
    // A stage's access-log destination is a log group's ARN: a mock ARN offline, unknown in a preview, where the pack
    // reports that it cannot judge the stage (advisory) instead of passing it.
    id: "computed-outputs",
    side: "engine",
    finding: /^api-gwv2-access-logs-enabled advisory urn:.*aws:apigatewayv2\/stage:Stage::/,
  },
];

export function explainedBy(program: string, side: "offline" | "engine", key: string): string | undefined {
  const limit = KNOWN_LIMITS.find((l) => l.side === side && l.finding.test(key) && (!l.program || l.program.test(program)));
  if (limit) limit.used = true;
  return limit?.id;
}
