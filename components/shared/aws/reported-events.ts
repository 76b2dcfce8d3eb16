import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Logger } from "@aws-lambda-powertools/logger";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { metrics } from "../runtime/metrics";

/** How long a handled event is remembered: past EventBridge's 24 h of retries and a failure queue's 14 days of redrive. */
const REMEMBER_DAYS = 30;

type Log = Pick<Logger, "info" | "warn" | "error">;

/**
 * Logs and counts (metric `ReplaysIgnored`) an event a responder ignores as a replay of one it already answered: every
 * responder counts its quiet replays here, whatever tells it the event was answered.
 */
export function countReplay(log: Log, context: Record<string, unknown>): void {
  log.info("event already answered; replay ignored", context);
  metrics.addMetric("ReplaysIgnored", MetricUnit.Count, 1);
}

/**
 * The events a responder already answered with a report, keyed by what makes an event unique (a finding's id and
 * `updatedAt`, a delivery's id, a log file's version): a redelivery or a redrive of one of them is quiet, while an
 * update of the finding is a new event. One item per event in the component's table (`pk`, expiring through the
 * `expiresAt` TTL attribute). Only complete answers are remembered: a failed one is retried and reported again.
 */
export class ReportedEvents {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The key of one event: its `id` and `version` (a finding's `updatedAt`), in that order so the id survives the cut to
   * 1,024 characters; `source` keeps responders sharing a table apart.
   */
  static key(source: string, id: string, version: string | undefined): string {
    return `reported#${source}#${id}#${version ?? "created"}`.slice(0, 1024);
  }

  /**
   * Whether the event is a redelivery or a redrive of one already answered: then it is logged and counted (metric
   * `ReplaysIgnored`), and the caller changes and publishes nothing. A record that cannot be read counts as not
   * answered (logged): every action is idempotent, and a second report beats a missed response.
   */
  async isReplay(key: string, log: Log, context: Record<string, unknown>): Promise<boolean> {
    let answered: boolean;
    try {
      // A consistent read: a redelivery seconds later is seen.
      const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: key }, ConsistentRead: true, ProjectionExpression: "pk" }));
      answered = out.Item !== undefined;
    } catch (err) {
      log.warn("could not read the record of answered events; handling the event", { ...context, error: describeError(err) });
      return false;
    }
    if (answered) countReplay(log, context);
    return answered;
  }

  /**
   * Remembers a complete answer (a plain put: a concurrent delivery recording it too is harmless). A record that cannot
   * be written leaves the answer complete; a later replay of it is then reported once more (logged as an error).
   */
  async remember(key: string, summary: string, log: Log, context: Record<string, unknown>): Promise<void> {
    const now = this.now();
    try {
      await this.doc.send(
        new PutCommand({ TableName: this.tableName, Item: { pk: key, answeredAt: new Date(now).toISOString(), summary: summary.slice(0, 1000), expiresAt: Math.ceil(now / 1000) + REMEMBER_DAYS * 86400 } }),
      );
    } catch (err) {
      log.error("could not record the answered event: a replay of it will be reported again", { ...context, error: describeError(err) });
    }
  }
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
