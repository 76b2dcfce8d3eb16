import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { type BreakerLimits, WindowBreaker } from "../../shared/aws/window-breaker";
import { DEFAULT_LAYOUT, DEFAULT_RETRY, type Item, readVersioned, type RetryPolicy, updateVersioned } from "../../shared/aws/versioned-item";
import type { ActionTarget } from "../../shared/aws/account-clients";
import type { IsolationRecord } from "./model";

export const BREAKER_KEY = "circuit-breaker";

export type BeginResult = "started" | "breaker-open" | "already-recorded";

/** DynamoDB key of the record of an Auto Scaling group's held instances (processes suspended for them). */
export const groupHoldKey = (target: ActionTarget, groupName: string): string => `asg-hold#${target.accountId}#${target.region}#${groupName}`;

/**
 * How long a release that found no holder left may take to resume the group's processes: until then a new hold on the
 * group is refused (and retried), so a resume cannot undo the suspension a new holder just made.
 */
export const RESUME_LEASE_MS = 60_000;

/** The outcome of removing a holder: resume now (`lease` until when), or leave the processes to the remaining holders. */
export type ReleaseHold = { readonly resume: true; readonly lease: number } | { readonly resume: false; readonly remaining: readonly string[] };

class AlreadyRecorded extends Error {}

const holdersOf = (item: Record<string, unknown> | undefined): string[] => (Array.isArray(item?.holders) ? item.holders.filter((h): h is string => typeof h === "string") : []);

/**
 * The function's memory in DynamoDB: one record per isolated instance (its original state, for release), the circuit
 * breaker (shared/aws/window-breaker.ts), and per Auto Scaling group the instances held in it by suspended processes.
 * A new isolation writes its record and the breaker in one transaction, so the original state is on record before the
 * first change and an isolation is counted exactly once, whatever the concurrency and the redeliveries.
 */
export class Ledger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  async read(pk: string): Promise<{ record?: IsolationRecord }> {
    const record = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk }, ConsistentRead: true }));
    return { record: record.Item as IsolationRecord | undefined };
  }

  /**
   * The circuit breaker's item, read while the instance is observed: a new isolation then takes its slot without a read
   * of its own, which would stand between the observation and the first change.
   */
  readBreaker(): Promise<{ readonly Item?: Item }> {
    return readVersioned(this.doc, this.tableName, BREAKER_KEY);
  }

  /**
   * Records a new isolation if the breaker allows one more in the window: "breaker-open" when it does not (nothing
   * written), "already-recorded" when another delivery recorded this instance first. `breakerRead` is `readBreaker`'s
   * answer; if that read failed, the breaker is read again here.
   */
  async begin(record: IsolationRecord, limits: BreakerLimits, now: number, breakerRead?: Promise<{ readonly Item?: Item }>): Promise<BeginResult> {
    const breaker = new WindowBreaker(this.doc, this.tableName, BREAKER_KEY, limits, () => now, DEFAULT_LAYOUT, this.retry);
    const firstRead = await breakerRead?.catch(() => undefined);
    try {
      const slot = await breaker.takeUpTo(1, async (breakerPut) => {
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
                { Put: breakerPut },
              ],
            }),
          );
        } catch (err) {
          const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
          if ((err as Error).name !== "TransactionCanceledException" || !reasons) throw err;
          if (reasons[0]?.Code === "ConditionalCheckFailed") throw new AlreadyRecorded();
          if (reasons[1]?.Code !== "ConditionalCheckFailed") throw err;
          // Another isolation counted itself meanwhile: the breaker reads its window again and re-decides.
          throw Object.assign(new Error("the breaker's window changed"), { name: "ConditionalCheckFailedException" });
        }
      }, firstRead);
      return slot.admitted === 1 ? "started" : "breaker-open";
    } catch (err) {
      if (err instanceof AlreadyRecorded) return "already-recorded";
      throw err;
    }
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

  /**
   * Records `instanceId` as held in its group (idempotent), before the group's processes are suspended for it. Throws
   * while a release is resuming them (its lease): the hold then fails and is retried.
   */
  async addGroupHolder(target: ActionTarget, groupName: string, instanceId: string, now: number): Promise<void> {
    await updateVersioned(this.doc, this.tableName, groupHoldKey(target, groupName), (item) => {
      const holders = holdersOf(item);
      if (typeof item?.resumingUntil === "number" && item.resumingUntil > now) {
        throw new Error(`a release is resuming the processes of ${groupName} until ${new Date(item.resumingUntil).toISOString()}; hold again after it`);
      }
      if (holders.includes(instanceId) && item?.resumingUntil === undefined) return { result: undefined };
      return { write: { holders: [...holders.filter((h) => h !== instanceId), instanceId] }, result: undefined };
    }, { retry: this.retry });
  }

  /**
   * Removes instances from their group's holders (idempotent: a retried release removes nothing twice). When no holder
   * is left, takes the resume lease: the caller resumes the processes, then calls `resumed`. A release retried after
   * a crash finds no holder and takes the lease again, so the resume is retried too.
   */
  async removeGroupHolders(target: ActionTarget, groupName: string, instanceIds: readonly string[], now: number): Promise<ReleaseHold> {
    return updateVersioned(this.doc, this.tableName, groupHoldKey(target, groupName), (item): { write?: Record<string, unknown>; result: ReleaseHold } => {
      const remaining = holdersOf(item).filter((h) => !instanceIds.includes(h));
      if (remaining.length > 0) return { write: { holders: remaining }, result: { resume: false, remaining } };
      const lease = now + RESUME_LEASE_MS;
      return { write: { holders: [], resumingUntil: lease }, result: { resume: true, lease } };
    }, { retry: this.retry });
  }

  /** Ends the resume lease taken by `removeGroupHolder` (left alone if a new holder came after it expired). */
  async resumed(target: ActionTarget, groupName: string, lease: number): Promise<void> {
    await updateVersioned(this.doc, this.tableName, groupHoldKey(target, groupName), (item) => {
      if (item?.resumingUntil !== lease) return { result: undefined };
      return { write: { holders: holdersOf(item) }, result: undefined };
    }, { retry: this.retry });
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
