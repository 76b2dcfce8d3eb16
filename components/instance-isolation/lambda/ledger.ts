import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { IsolationRecord } from "./model";

/** The sliding window of recent isolations, one item, changed only under its version (optimistic locking). */
export interface BreakerState {
  readonly isolations: readonly number[];
  readonly version: number;
}

export const BREAKER_KEY = "circuit-breaker";

export type BeginResult = "started" | "breaker-open" | "already-recorded";

const MAX_ATTEMPTS = 5;

/**
 * The function's memory in DynamoDB: one record per isolated instance (its original state, for release) and the
 * circuit breaker. A new isolation writes both in one transaction, so the original state is on record before the
 * first change and an isolation is counted exactly once, whatever the concurrency and the redeliveries.
 */
export class Ledger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(pk: string): Promise<{ record?: IsolationRecord; breaker: BreakerState }> {
    const [record, breaker] = await Promise.all([
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk }, ConsistentRead: true })),
      this.readBreaker(),
    ]);
    return { record: record.Item as IsolationRecord | undefined, breaker };
  }

  async readBreaker(): Promise<BreakerState> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: BREAKER_KEY }, ConsistentRead: true }));
    const item = out.Item as { isolations?: number[]; version?: number } | undefined;
    return { isolations: Array.isArray(item?.isolations) ? item.isolations : [], version: typeof item?.version === "number" ? item.version : 0 };
  }

  /**
   * Records a new isolation if the breaker allows one more in the window: "breaker-open" when it does not (nothing
   * written), "already-recorded" when another delivery recorded this instance first.
   */
  async begin(record: IsolationRecord, breaker: BreakerState, limits: { max: number; windowMs: number; now: number }): Promise<BeginResult> {
    let state = breaker;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const recent = state.isolations.filter((t) => t > limits.now - limits.windowMs);
      if (recent.length >= limits.max) return "breaker-open";
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: record,
                  ConditionExpression: "attribute_not_exists(pk) OR #status = :released",
                  ExpressionAttributeNames: { "#status": "status" },
                  ExpressionAttributeValues: { ":released": "released" },
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    pk: BREAKER_KEY,
                    isolations: [...recent, limits.now],
                    version: state.version + 1,
                    expiresAt: Math.ceil((limits.now + limits.windowMs) / 1000),
                  },
                  ConditionExpression: state.version === 0 ? "attribute_not_exists(pk)" : "#version = :version",
                  ...(state.version === 0 ? {} : { ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":version": state.version } }),
                },
              },
            ],
          }),
        );
        return "started";
      } catch (err) {
        const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
        if ((err as Error).name !== "TransactionCanceledException" || !reasons) throw err;
        if (reasons[0]?.Code === "ConditionalCheckFailed") return "already-recorded";
        if (reasons[1]?.Code !== "ConditionalCheckFailed") throw err;
        // Another isolation counted itself meanwhile: read the window again and re-decide.
        state = await this.readBreaker();
      }
    }
    throw new Error(`the circuit breaker stayed contended over ${MAX_ATTEMPTS} attempts`);
  }

  /**
   * Makes `runId` the owner of a record another run began (a resumed isolation, a release), provided that run still
   * owns it as `record` was read. False when someone else claimed it meanwhile.
   */
  async claim(record: IsolationRecord, runId: string): Promise<boolean> {
    return this.putIfOwned({ ...record, runId }, record.runId);
  }

  /**
   * Writes the record's final state, only while `record.runId` still owns it: false when another run (a release
   * racing this isolation, or the reverse) claimed the record meanwhile, whose state is then left as it is.
   */
  async finish(record: IsolationRecord): Promise<boolean> {
    return this.putIfOwned(record, record.runId);
  }

  private async putIfOwned(item: IsolationRecord, owner: string | undefined): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          // Records written before run ids existed have none: owned by whoever reads them first.
          ConditionExpression: owner === undefined ? "attribute_exists(pk) AND attribute_not_exists(#runId)" : "#runId = :owner",
          ExpressionAttributeNames: { "#runId": "runId" },
          ...(owner === undefined ? {} : { ExpressionAttributeValues: { ":owner": owner } }),
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === "ConditionalCheckFailedException") return false;
      throw err;
    }
  }
}
