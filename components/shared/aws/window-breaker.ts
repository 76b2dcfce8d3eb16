import type { DynamoDBDocumentClient, PutCommandInput } from "@aws-sdk/lib-dynamodb";
import { DEFAULT_LAYOUT, DEFAULT_RETRY, type Item, type ItemLayout, readVersioned, type RetryPolicy, updateVersioned } from "./versioned-item";

/** How many changes a breaker admits per sliding window. */
export interface BreakerLimits {
  readonly max: number;
  readonly windowSeconds: number;
}

/** One admission in the window: a time (one change), or a time and how many changes were admitted at once. */
type Admission = number | [number, number];

const countOf = (a: Admission) => (typeof a === "number" ? 1 : a[1]);
const timeOf = (a: Admission) => (typeof a === "number" ? a : a[0]);
const isAdmission = (a: unknown): a is Admission =>
  typeof a === "number" || (Array.isArray(a) && a.length === 2 && typeof a[0] === "number" && typeof a[1] === "number");

/** How many of the changes asked for were admitted, and how many the window held before them. */
export interface Slot {
  readonly admitted: number;
  readonly recent: number;
}

/**
 * A circuit breaker over a sliding window, kept as one item (`key`) of a responder's table, laid out as the table's
 * schema says (`layout`: key, version and expiry attributes), and written under its version (shared/aws/versioned-item.ts): concurrent invocations
 * never both take the last slot, and a lost race is retried with jitter. A state that cannot be read or written throws,
 * and the caller then changes nothing (a breaker fails closed).
 */
export class WindowBreaker {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly key: string,
    readonly limits: BreakerLimits,
    private readonly now: () => number = Date.now,
    private readonly layout: ItemLayout = DEFAULT_LAYOUT,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /** Counts one change when the window has room (`admitted`); `recent` is the count in the window before this one. */
  async take(): Promise<{ admitted: boolean; recent: number }> {
    const slot = await this.takeUpTo(1);
    return { admitted: slot.admitted === 1, recent: slot.recent };
  }

  /**
   * Admits as many of `n` changes as the window has room for (all, some or none), counting those admitted. `firstRead`:
   * the breaker's item as read already (see `read`), so that taking a slot costs no read of its own.
   */
  async takeUpTo(n: number, commit?: (put: PutCommandInput) => Promise<unknown>, firstRead?: { readonly Item?: Item }): Promise<Slot> {
    return updateVersioned(this.doc, this.tableName, this.key, (item) => this.decide(item, n), { layout: this.layout, retry: this.retry, commit, firstRead });
  }

  /** The breaker's item, read consistently: to read it alongside other reads, before deciding to take a slot. */
  read(): Promise<{ readonly Item?: Item }> {
    return readVersioned(this.doc, this.tableName, this.key, this.layout);
  }

  private decide(item: Item | undefined, n: number): { write?: Item; result: Slot } {
    const now = this.now();
    const since = now - this.limits.windowSeconds * 1000;
    const window: Admission[] = (Array.isArray(item?.changes) ? (item.changes as unknown[]) : []).filter((a): a is Admission => isAdmission(a) && timeOf(a) > since);
    const recent = window.reduce((sum: number, a) => sum + countOf(a), 0);
    const admitted = Math.min(n, Math.max(0, this.limits.max - recent));
    if (admitted === 0) return { result: { admitted, recent } };
    const changes = [...window, admitted === 1 ? now : ([now, admitted] as Admission)];
    return { write: { changes, [this.layout.ttlName]: Math.ceil(now / 1000) + this.limits.windowSeconds }, result: { admitted, recent } };
  }
}
