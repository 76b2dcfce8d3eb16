import { GetIPSetCommand, UpdateIPSetCommand, type WAFV2Client } from "@aws-sdk/client-wafv2";
import { parseCidr } from "../../shared/net/cidr";

/** One IP set the writer owns (created by the component). */
export interface IpSetRef {
  readonly name: string;
  readonly id: string;
  readonly scope: "REGIONAL" | "CLOUDFRONT";
  readonly version: 4 | 6;
}

export interface IpSetContents {
  /** Canonical CIDRs (WAF may hand IPv6 back in another spelling; compared only in canonical form). */
  readonly addresses: string[];
  readonly lockToken: string;
}

export interface WriterTiming {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** Minimum spacing of writes: WAF allows about one Create/Put/Update per second per account and Region. */
  readonly minWriteIntervalMs: number;
  readonly maxAttempts: number;
}

export interface WriteOutcome {
  readonly written: boolean;
  /** Another writer changed the set since it was read: nothing was written. */
  readonly conflict: boolean;
  readonly throttles: number;
}

const RETRYABLE_THROTTLES = new Set(["ThrottlingException", "TooManyRequestsException", "WAFUnavailableEntityException", "WAFInternalErrorException"]);

/**
 * Reads and writes whole IP sets the way WAF requires: GetIPSet for the contents and lock token, UpdateIPSet with the
 * complete list. Writes are spaced to stay under
 * the account's write rate; a list equal to what the set holds is never written. Lock conflicts go back to the caller
 * (after a jittered pause), which re-reads and plans again.
 */
export class IpSetWriter {
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** UpdateIPSet calls made (for reports and the benchmark). */
  updateCalls = 0;

  constructor(
    private readonly waf: WAFV2Client,
    private readonly timing: WriterTiming,
  ) {}

  async read(set: IpSetRef): Promise<IpSetContents> {
    const res = await this.waf.send(new GetIPSetCommand({ Name: set.name, Id: set.id, Scope: set.scope }));
    if (!res.LockToken || !res.IPSet) throw new Error(`GetIPSet of ${set.name} returned no IP set or lock token`);
    // Stryker disable next-line ArrayDeclaration: equivalent, IPSet.Addresses is required in GetIPSet's answer (API reference, IPSet); the fallback only satisfies the SDK's optional type
    return { addresses: canonicalList(res.IPSet.Addresses ?? []), lockToken: res.LockToken };
  }

  /**
   * Makes the set hold exactly `target` (canonical CIDRs), given what a read just returned. Throttling is retried
   * here with the same token; a lock conflict is reported back (after a jittered pause) because the caller must
   * re-read the set and the table and plan again, or it could overwrite what another writer just added.
   */
  async write(set: IpSetRef, target: readonly string[], contents: IpSetContents): Promise<WriteOutcome> {
    if (sameMembers(contents.addresses, target)) return { written: false, conflict: false, throttles: 0 };
    let throttles = 0;
    for (let attempt = 1; ; attempt++) {
      await this.pace();
      try {
        this.updateCalls++;
        this.lastWriteAt = this.timing.now();
        await this.waf.send(new UpdateIPSetCommand({ Name: set.name, Id: set.id, Scope: set.scope, Addresses: [...target], LockToken: contents.lockToken }));
        return { written: true, conflict: false, throttles };
      } catch (err) {
        const name = (err as Error).name;
        if (name === "WAFOptimisticLockException") {
          await this.timing.sleep(this.backoff(attempt));
          return { written: false, conflict: true, throttles };
        }
        if (!RETRYABLE_THROTTLES.has(name) || attempt >= this.timing.maxAttempts) throw err;
        throttles++;
        await this.timing.sleep(this.backoff(attempt));
      }
    }
  }

  get maxAttempts(): number {
    return this.timing.maxAttempts;
  }

  private async pace(): Promise<void> {
    const wait = this.lastWriteAt + this.timing.minWriteIntervalMs - this.timing.now();
    // Stryker disable next-line EqualityOperator: equivalent, a pause of 0 ms is no pause
    if (wait > 0) await this.timing.sleep(wait);
  }

  /** Full jitter over an exponential ceiling, never shorter than the write spacing. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(20_000, this.timing.minWriteIntervalMs * 2 ** attempt);
    return this.timing.minWriteIntervalMs + Math.floor(this.timing.random() * ceiling);
  }
}

/** WAF's list in canonical form; anything unparseable is kept verbatim so that a diff notices it and rewrites. */
export function canonicalList(addresses: readonly string[]): string[] {
  return addresses.map((a) => {
    const parsed = parseCidr(a);
    return parsed.ok ? parsed.value.text : a;
  });
}

export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  if (set.size !== a.length) return false;
  return b.every((x) => set.has(x));
}
