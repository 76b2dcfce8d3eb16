import { type DynamoDBDocumentClient, GetCommand, PutCommand, type PutCommandInput } from "@aws-sdk/lib-dynamodb";

export type Item = Record<string, unknown>;

/** What a change makes of the item it read: the attributes to write (without key and version), or none, and a result. */
export interface VersionedChange<T> {
  readonly write?: Item;
  readonly result: T;
}

/** Attempts at a contended item, and the delay before each retry (full jitter up to `baseDelayMs` × 2^attempt). */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 8,
  baseDelayMs: 20,
  random: Math.random,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** Where a table keeps an item's key, version and expiry (`pk`, `version`, `expiresAt` unless its schema differs). */
export interface ItemLayout {
  readonly keyName: string;
  readonly versionName: string;
  readonly ttlName: string;
}

export const DEFAULT_LAYOUT: ItemLayout = { keyName: "pk", versionName: "version", ttlName: "expiresAt" };

/** The item kept changing under the writer over every attempt: nothing was written. */
export class ContendedError extends Error {
  constructor(readonly key: string, attempts: number) {
    super(`${key} stayed contended over ${attempts} attempts`);
    this.name = "ContendedError";
  }
}

/** One item as `updateVersioned` reads it (consistently): to start that read early and hand it over as `firstRead`. */
export function readVersioned(doc: DynamoDBDocumentClient, tableName: string, key: string, layout: ItemLayout = DEFAULT_LAYOUT): Promise<{ readonly Item?: Item }> {
  return doc.send(new GetCommand({ TableName: tableName, Key: { [layout.keyName]: key }, ConsistentRead: true }));
}

/**
 * Read-modify-write of one item (`key` in `layout.keyName`) under its version attribute: `change` decides from the item as read (consistent
 * read), the write holds only if nobody wrote the item meanwhile, and a lost race is decided again on a fresh read
 * after a jittered pause (so racing writers spread out). Throws `ContendedError` after `retry.attempts`, and any other
 * DynamoDB error at once: the caller then treats the change as not made. `commit` sends the conditional put (by
 * default alone; a caller may put it in a transaction, and must then throw ConditionalCheckFailedException when the
 * version condition failed). `firstRead` is the item as a consistent read already returned it (a read started earlier,
 * alongside the caller's other reads): the first attempt decides from it instead of reading again. Its version guards
 * the write as any read's does, so an item changed since is read again and re-decided.
 */
export async function updateVersioned<T>(
  doc: DynamoDBDocumentClient,
  tableName: string,
  key: string,
  change: (item: Item | undefined) => VersionedChange<T>,
  options: {
    readonly layout?: ItemLayout;
    readonly retry?: RetryPolicy;
    readonly commit?: (put: PutCommandInput) => Promise<unknown>;
    readonly firstRead?: { readonly Item?: Item };
  } = {},
): Promise<T> {
  const layout = options.layout ?? DEFAULT_LAYOUT;
  const { keyName, versionName } = layout;
  const retry = options.retry ?? DEFAULT_RETRY;
  const commit = options.commit ?? ((put: PutCommandInput) => doc.send(new PutCommand(put)));
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    if (attempt > 0) await retry.sleep(Math.floor(retry.random() * retry.baseDelayMs * 2 ** attempt));
    const out = attempt === 0 && options.firstRead ? options.firstRead : await readVersioned(doc, tableName, key, layout);
    const version = typeof out.Item?.[versionName] === "number" ? (out.Item[versionName] as number) : 0;
    const decided = change(out.Item);
    if (!decided.write) return decided.result;
    try {
      await commit({
        TableName: tableName,
        Item: { ...decided.write, [keyName]: key, [versionName]: version + 1 },
        ...(version === 0
          ? { ConditionExpression: `attribute_not_exists(${keyName})` }
          : { ConditionExpression: "#version = :version", ExpressionAttributeNames: { "#version": versionName }, ExpressionAttributeValues: { ":version": version } }),
      });
      return decided.result;
    } catch (err) {
      if ((err as Error).name !== "ConditionalCheckFailedException") throw err;
    }
  }
  throw new ContendedError(key, retry.attempts);
}
