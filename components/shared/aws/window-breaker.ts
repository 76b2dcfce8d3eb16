import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";

/** How many changes a breaker admits per sliding window. */
export interface BreakerLimits {
  readonly max: number;
  readonly windowSeconds: number;
}

const MAX_ATTEMPTS = 5;

/**
 * A circuit breaker over a sliding window, kept as one item (`pk` = `key`) of a responder's table and written under its
 * version, so concurrent invocations never both take the last slot. `take()` counts one change if the window has room;
 * a state that cannot be read or written throws, and the caller then changes nothing (a breaker fails closed).
 */
export class WindowBreaker {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly key: string,
    readonly limits: BreakerLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one change when the window has room (`admitted`); `recent` is the count in the window before this one. */
  async take(): Promise<{ admitted: boolean; recent: number }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: this.key }, ConsistentRead: true }));
      const item = out.Item as { changes?: unknown; version?: unknown } | undefined;
      const version = typeof item?.version === "number" ? item.version : 0;
      const now = this.now();
      const since = now - this.limits.windowSeconds * 1000;
      const recent = (Array.isArray(item?.changes) ? item.changes : []).filter((t): t is number => typeof t === "number" && t > since);
      if (recent.length >= this.limits.max) return { admitted: false, recent: recent.length };
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { pk: this.key, changes: [...recent, now], version: version + 1, expiresAt: Math.ceil(now / 1000) + this.limits.windowSeconds },
            ...(version === 0
              ? { ConditionExpression: "attribute_not_exists(pk)" }
              : { ConditionExpression: "#version = :version", ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":version": version } }),
          }),
        );
        return { admitted: true, recent: recent.length };
      } catch (err) {
        // Another invocation counted a change meanwhile: read the window again and re-decide.
        if ((err as Error).name !== "ConditionalCheckFailedException") throw err;
      }
    }
    throw new Error(`the breaker ${this.key} stayed contended over ${MAX_ATTEMPTS} attempts`);
  }
}
