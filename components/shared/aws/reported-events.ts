import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";

/** How long a handled event is remembered: past EventBridge's 24 h of retries and a failure queue's 14 days of redrive. */
const REMEMBER_DAYS = 30;

/**
 * The events a responder already answered with a report, keyed by what makes a finding's event unique (its id and
 * `updatedAt`): a redelivery or a redrive of one of them is quiet, while an update of the finding is a new event. One
 * item per event in the component's table (`pk`, expiring through the `expiresAt` TTL attribute).
 */
export class ReportedEvents {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key of one update of a finding; `source` keeps two responders sharing a table apart. */
  static key(source: string, findingId: string, updatedAt: string | undefined): string {
    return `reported#${source}#${findingId}#${updatedAt ?? "created"}`.slice(0, 1024);
  }

  /** Whether the event was already answered (a consistent read: a redelivery seconds later is seen). */
  async answered(key: string): Promise<boolean> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: key }, ConsistentRead: true, ProjectionExpression: "pk" }));
    return out.Item !== undefined;
  }

  /** Remembers that the event was answered (a plain put: a concurrent delivery recording it too is harmless). */
  async remember(key: string, summary: string): Promise<void> {
    const now = this.now();
    await this.doc.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: key, answeredAt: new Date(now).toISOString(), summary: summary.slice(0, 1000), expiresAt: Math.ceil(now / 1000) + REMEMBER_DAYS * 86400 } }),
    );
  }
}
