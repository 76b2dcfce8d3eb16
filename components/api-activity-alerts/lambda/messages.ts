import type { CloudTrailRecord } from "./rules";
import { snsSubject } from "../../shared/aws/sns-subject";

/**
 * Notification messages of ApiActivityAlerts: selected calls are batched into SNS messages that stay below SNS's
 * 256 KB limit, each with a readable summary (who, what, when, from where, which rule) followed by the structured JSON.
 */

/** SNS refuses messages over 262,144 bytes; the default leaves room for the subject and attributes. */
export const SNS_MESSAGE_LIMIT = 262_144;
export const DEFAULT_MAX_MESSAGE_BYTES = 250_000;
/** Room kept for the summary of unreadable records that the last message of a file carries. */
const REJECTIONS_BYTES = 1_024;
const FIELD_CHARS = 256;

export interface SelectedCall {
  readonly record: CloudTrailRecord;
  /** The record's JSON as the file holds it: sent as is, since re-serialising every selected record costs as much as parsing it. */
  readonly text: string;
  readonly rules: readonly string[];
}

/** The CloudTrail file a message speaks of: its bucket and key, and the account and Region named in the key. */
export interface LogFile {
  readonly bucket: string;
  readonly key: string;
  readonly accountId?: string;
  readonly region?: string;
}

export interface Rejection {
  readonly index: number;
  readonly reason: string;
}

export interface OutgoingMessage {
  readonly subject: string;
  readonly message: string;
}

/** Untrusted text made safe for one summary line: no control characters (no forged lines), bounded length. */
export function clean(value: unknown, max = FIELD_CHARS): string {
  if (value === undefined || value === null || value === "") return "-";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function member(obj: unknown, key: string): unknown {
  return typeof obj === "object" && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

/** One readable line: when, who, what, where, from where, which rules. */
export function summaryLine(call: Pick<SelectedCall, "record" | "rules">): string {
  const r = call.record;
  const id = member(r, "userIdentity");
  const who = member(id, "arn") ?? member(id, "invokedBy") ?? member(id, "principalId");
  const issuer = member(member(member(id, "sessionContext"), "sessionIssuer"), "arn");
  const error = r.errorCode === undefined ? "" : ` failed with ${clean(r.errorCode, 64)}`;
  return (
    `- ${clean(r.eventTime, 40)}` +
    ` | ${clean(who)} (${clean(member(id, "type"), 32)}${issuer ? `, via ${clean(issuer)}` : ""})` +
    ` | called ${clean(r.eventSource, 64)} ${clean(r.eventName, 128)}${error}` +
    ` | in ${clean(r.awsRegion, 32)} account ${clean(r.recipientAccountId, 16)}` +
    ` | from ${clean(r.sourceIPAddress, 64)} (${clean(r.userAgent, 96)})` +
    ` | rule ${call.rules.map((n) => clean(n, 64)).join(", ")}`
  );
}

const ESSENTIAL_FIELDS = [
  "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent", "userIdentity", "errorCode",
  "errorMessage", "readOnly", "eventType", "eventID", "recipientAccountId",
];

/** The structured form of a call; a record too large for one message keeps only its essential fields, bounded. */
function structured(call: SelectedCall, maxBytes: number): string {
  const full = `{"rules":${JSON.stringify(call.rules)},"record":${call.text}}`;
  if (Buffer.byteLength(full) <= maxBytes) return full;
  const trimmed: Record<string, unknown> = {};
  for (const k of ESSENTIAL_FIELDS) {
    const v = call.record[k];
    if (v !== undefined) trimmed[k] = typeof v === "string" ? clean(v, 1024) : JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "string" ? clean(x, 1024) : x)));
  }
  const text = JSON.stringify({ rules: call.rules, record: trimmed, truncated: "request and response omitted: the record exceeds one message" });
  if (Buffer.byteLength(text) <= maxBytes) return text;
  return JSON.stringify({ rules: call.rules, record: { eventID: clean(call.record.eventID, 64), eventName: clean(call.record.eventName, 128) }, truncated: "record too large" });
}

/**
 * Collects selected calls and hands complete messages to `send`, so at most one message's worth of calls is held in
 * memory whatever the file's size. Call `finish()` once at the end of the file.
 */
export class MessageBatcher {
  private lines: string[] = [];
  private items: string[] = [];
  private part = 0;
  /** Bytes of a message's header and JSON envelope at their largest (part and counts at many digits). */
  private readonly envelopeBytes: number;
  private bytes: number;

  constructor(
    private readonly file: LogFile,
    private readonly send: (message: OutgoingMessage) => Promise<void>,
    private readonly maxBytes = DEFAULT_MAX_MESSAGE_BYTES,
  ) {
    if (maxBytes < 8 * 1024 || maxBytes > SNS_MESSAGE_LIMIT - 1024) throw new Error(`message size limit ${maxBytes} is outside 8 KiB–255 KiB`);
    const { header, json } = this.envelope(999_999, 999_999, 999_999_999);
    this.envelopeBytes = Buffer.byteLength(header) + Buffer.byteLength(json) + REJECTIONS_BYTES;
    this.bytes = this.envelopeBytes;
  }

  async add(call: SelectedCall): Promise<void> {
    const line = summaryLine(call);
    const lineBytes = Buffer.byteLength(line);
    const item = structured(call, this.maxBytes - this.envelopeBytes - lineBytes - 2);
    const size = lineBytes + 1 + Buffer.byteLength(item) + 1;
    if (this.items.length > 0 && this.bytes + size > this.maxBytes) await this.flush([], 0);
    this.lines.push(line);
    this.items.push(item);
    this.bytes += size;
  }

  /** Sends what is left, with the file's rejected records (a notice alone when nothing matched but records were unreadable). */
  async finish(rejected: readonly Rejection[], rejectedCount: number): Promise<void> {
    if (this.items.length > 0 || rejectedCount > 0) await this.flush(rejected, rejectedCount);
  }

  /** The header lines and the JSON document around the calls ("$CALLS" stands for them). */
  private envelope(calls: number, part: number, rejectedCount: number, rejected: readonly Rejection[] = []): { header: string; json: string } {
    const where = `account ${this.file.accountId ?? "unknown"}, Region ${this.file.region ?? "unknown"}`;
    const header = [
      `Kamae ApiActivityAlerts: ${calls} API call(s) to review (${where}), part ${part}`,
      `CloudTrail file: s3://${this.file.bucket}/${clean(this.file.key, 1024)}`,
      ...(rejected.length > 0 ? [`${rejectedCount} record(s) of this file could not be read: ${rejected.slice(0, 5).map((r) => `#${r.index} ${clean(r.reason, 120)}`).join("; ")}`] : []),
      "",
      "",
    ].join("\n");
    const json = `{"kind":"kamae.api-activity","bucket":${JSON.stringify(this.file.bucket)},"key":${JSON.stringify(this.file.key)},"accountId":${JSON.stringify(this.file.accountId ?? null)},"region":${JSON.stringify(this.file.region ?? null)},"part":${part},"rejectedRecords":${rejectedCount},"calls":[$CALLS]}`;
    return { header, json };
  }

  private async flush(rejected: readonly Rejection[], rejectedCount: number): Promise<void> {
    this.part++;
    const { header, json } = this.envelope(this.items.length, this.part, rejectedCount, rejected);
    const message = `${header}${this.lines.join("\n")}\n\n${json.replace("$CALLS", () => this.items.join(","))}`;
    const subject = snsSubject(`Kamae: ${this.items.length} API call(s) to review in ${this.file.accountId ?? "unknown account"} (part ${this.part})`);
    this.lines = [];
    this.items = [];
    this.bytes = this.envelopeBytes;
    await this.send({ subject, message });
  }
}
