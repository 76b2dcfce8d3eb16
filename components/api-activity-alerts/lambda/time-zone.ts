/**
 * Local weekday and minute of day in a named IANA time zone, for time-window rules. Intl formatting costs microseconds,
 * which matters at tens of thousands of records per file, so the zone's UTC offset is cached per quarter hour of UTC
 * (every real zone changes its offset on a quarter-hour boundary).
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

export class ZonedClock {
  private static readonly clocks = new Map<string, ZonedClock>();
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  private constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
  }

  static isValidZone(timeZone: string): boolean {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      return true;
    } catch {
      return false;
    }
  }

  /** One clock per zone per process. */
  static of(timeZone: string): ZonedClock {
    let clock = ZonedClock.clocks.get(timeZone);
    if (!clock) ZonedClock.clocks.set(timeZone, (clock = new ZonedClock(timeZone)));
    return clock;
  }

  /** Offset of local time from UTC in milliseconds at this instant. */
  offsetMs(epochMs: number): number {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * QUARTER_HOUR_MS;
      const parts: Record<string, number> = {};
      for (const p of this.format.formatToParts(new Date(at))) if (p.type !== "literal") parts[p.type] = Number(p.value);
      const localAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
      offset = localAsUtc - Math.floor(at / 60000) * 60000;
      if (this.offsets.size > 10000) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  /** Local weekday (0 = Sunday) and minute of the day. */
  local(epochMs: number): { weekday: number; minuteOfDay: number } {
    const local = new Date(epochMs + this.offsetMs(epochMs));
    return { weekday: local.getUTCDay(), minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes() };
  }
}
