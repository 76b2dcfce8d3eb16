/**
 * Errors as the AWS SDK v3 throws them: `name` is the API's error code, `$fault` client or server, `$metadata` with
 * the HTTP status. Fakes throw these so the code under test sees exactly what it would see from AWS.
 */
export function awsError(name: string, message: string, options: { httpStatusCode?: number; fault?: "client" | "server" } = {}): Error {
  const err = new Error(message) as Error & { $fault: string; $metadata: { httpStatusCode: number; attempts: number }; Code: string };
  err.name = name;
  err.Code = name;
  err.$fault = options.fault ?? "client";
  err.$metadata = { httpStatusCode: options.httpStatusCode ?? 400, attempts: 1 };
  return err;
}

/** A clock the fakes and the code under test share, so rate limits and expiries are tested without real waiting. */
export class FakeClock {
  constructor(public nowMs = Date.parse("2026-11-23T00:00:00Z")) {}
  now = (): number => this.nowMs;
  advance(ms: number): void {
    this.nowMs += ms;
  }
  /** A `sleep` for code under test that advances the fake time instead of waiting. */
  sleep = async (ms: number): Promise<void> => {
    this.nowMs += ms;
  };
}

/**
 * A token bucket as AWS applies to control-plane writes (for example WAF's ~1 write per second per account and Region):
 * `take()` returns false when the caller must be throttled.
 */
export class RateLimit {
  private tokens: number;
  private last: number;
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: { now(): number },
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }
  take(): boolean {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
