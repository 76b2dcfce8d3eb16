import type { DeepSecurityEvent } from "../../shared/events/deep-security";
import { isAwsHostEvent, parseDeepSecurityMessage } from "../../shared/events/deep-security";
import { parseGuardDutyEvent, sampleFindingDismissal } from "../../shared/events/guardduty";
import { parseSnsEvent } from "../../shared/events/sns";
import type { IsolationSettings } from "./settings";
import type { ResponseRequest } from "./model";

/** Why an input was not turned into a request: `rejected` = malformed or refused, `ignored` = valid but not for us. */
export interface Dismissal {
  readonly disposition: "rejected" | "ignored";
  readonly reason: string;
  readonly where?: string;
}

export interface Intake {
  readonly requests: ResponseRequest[];
  readonly dismissed: Dismissal[];
}

const INSTANCE_ID = /^i-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Free text from an event, for a report: printable (no control characters, one line), bounded. */
export function cleanText(value: unknown, max = 256): string {
  if (typeof value !== "string") return "";
  return value.replace(/[\p{C}]/gu, " ").replace(/\s+/g, " ").trim().slice(0, max);
}

/** A value that also goes into tags: only the characters every AWS service accepts in a tag value. */
export function tagSafeText(value: unknown, max = 256): string {
  // One "-" per code point replaced: never longer than the cleaned text, already within `max`.
  return cleanText(value, max).replace(/[^\p{L}\p{N} _.:/=+\-@]/gu, "-");
}

/**
 * Turns whatever invoked the function into isolation or release requests: SNS events carrying Deep Security
 * messages, EventBridge GuardDuty findings, and direct requests (`kamae.isolate`, `kamae.release`). Total: it never
 * throws, and every input it does not act on comes back as a dismissal with the reason, to be logged.
 */
export function readEvent(event: unknown, settings: IsolationSettings): Intake {
  const intake: Intake = { requests: [], dismissed: [] };
  if (typeof event !== "object" || event === null || Array.isArray(event)) {
    intake.dismissed.push({ disposition: "rejected", reason: "the event is not a JSON object" });
    return intake;
  }
  const e = event as Record<string, unknown>;
  if (e.kind === "kamae.isolate" || e.kind === "kamae.release") {
    readDirect(e, intake);
  } else if (Array.isArray(e.Records)) {
    readSns(event, settings, intake);
  } else if (typeof e.source === "string" && "detail" in e) {
    readGuardDuty(event, settings, intake);
  } else {
    intake.dismissed.push({ disposition: "rejected", reason: "not an SNS event, an EventBridge event or a kamae request" });
  }
  return intake;
}

function readDirect(e: Record<string, unknown>, intake: Intake): void {
  const problems: string[] = [];
  if (typeof e.instanceId !== "string" || !INSTANCE_ID.test(e.instanceId)) problems.push("instanceId must be an EC2 instance id");
  if (typeof e.accountId !== "string" || !ACCOUNT_ID.test(e.accountId)) problems.push("accountId must be a 12-digit account id");
  if (typeof e.region !== "string" || !REGION.test(e.region)) problems.push("region must be an AWS Region");
  for (const field of ["reason", "findingId", "source"]) {
    if (e[field] !== undefined && typeof e[field] !== "string") problems.push(`${field} must be a string`);
  }
  if (problems.length > 0) {
    intake.dismissed.push({ disposition: "rejected", reason: `malformed ${String(e.kind)} request: ${problems.join("; ")}` });
    return;
  }
  const target = { accountId: e.accountId as string, region: e.region as string };
  const instanceId = e.instanceId as string;
  if (e.kind === "kamae.release") {
    intake.requests.push({ kind: "release", target, instanceId, reason: cleanText(e.reason) || "release requested" });
    return;
  }
  intake.requests.push({
    kind: "isolate",
    target,
    instanceId,
    reason: cleanText(e.reason) || "isolation requested",
    findingId: tagSafeText(e.findingId, 200) || "direct-request",
    source: tagSafeText(e.source, 64) || "direct",
  });
}

/** The Deep Security thresholds: a severity when the event carries one, a named malware for anti-malware events. */
function deepSecurityQualifies(ev: DeepSecurityEvent, settings: IsolationSettings): string | undefined {
  if (!settings.deepSecurityEventTypes.includes(ev.eventType)) return `event type ${ev.eventType} is not one that isolates`;
  // Stryker disable next-line ConditionalExpression: equivalent, an absent severity compares as false (undefined < n)
  if (ev.severity !== undefined && ev.severity < settings.deepSecurityMinSeverity) {
    return `severity ${ev.severity} is below ${settings.deepSecurityMinSeverity}`;
  }
  if (ev.eventType === "AntiMalwareEvent" && !ev.malwareName && !ev.infectedFilePath) return "anti-malware event names no malware";
  return undefined;
}

function describeDeepSecurity(ev: DeepSecurityEvent): string {
  const detail = ev.reason ?? ev.malwareName ?? ev.key ?? ev.ossecDescription ?? "";
  return cleanText(`Deep Security ${ev.eventType}${detail ? `: ${detail}` : ""}`);
}

function readSns(event: unknown, settings: IsolationSettings, intake: Intake): void {
  const records = parseSnsEvent(event);
  if (!records.ok) {
    intake.dismissed.push({ disposition: "rejected", reason: `malformed SNS event: ${records.reason}` });
    return;
  }
  for (const record of records.value) {
    const where = `SNS message ${record.messageId}`;
    const parsed = parseDeepSecurityMessage(record.message);
    if (!parsed.ok) {
      intake.dismissed.push({ disposition: "rejected", reason: `not a Deep Security message: ${parsed.reason}`, where });
      continue;
    }
    for (const r of parsed.value.rejected) intake.dismissed.push({ disposition: "rejected", reason: `event ${r.index}: ${r.reason}`, where });
    for (const ev of parsed.value.events) {
      if (!isAwsHostEvent(ev)) {
        intake.dismissed.push({ disposition: "ignored", reason: `event ${ev.eventId ?? "?"} comes from a non-AWS host (${cleanText(ev.hostname) || "no hostname"})`, where });
        continue;
      }
      const why = deepSecurityQualifies(ev, settings);
      if (why) {
        intake.dismissed.push({ disposition: "ignored", reason: `event ${ev.eventId ?? "?"} on ${ev.hostInstanceId}: ${why}`, where });
        continue;
      }
      if (!settings.deepSecurityRegion) {
        intake.dismissed.push({ disposition: "rejected", reason: "no Region to act in for Deep Security events (KAMAE_DS_REGION)", where });
        continue;
      }
      intake.requests.push({
        kind: "isolate",
        target: { accountId: ev.hostOwnerId, region: settings.deepSecurityRegion },
        instanceId: ev.hostInstanceId,
        reason: describeDeepSecurity(ev),
        findingId: tagSafeText(`ds-${ev.tenantId ?? "t"}-${ev.eventId ?? record.messageId}`, 200),
        source: "deep-security",
      });
    }
  }
}

function readGuardDuty(event: unknown, settings: IsolationSettings, intake: Intake): void {
  const parsed = parseGuardDutyEvent(event);
  if (!parsed.ok) {
    intake.dismissed.push({ disposition: "rejected", reason: `not a GuardDuty finding: ${parsed.reason}` });
    return;
  }
  const f = parsed.value;
  const where = `GuardDuty finding ${f.id}`;
  const drill = sampleFindingDismissal(f, settings.actOnSampleFindings);
  if (drill) {
    intake.dismissed.push({ disposition: "ignored", reason: drill, where });
    return;
  }
  if (!f.instanceId) {
    intake.dismissed.push({ disposition: "ignored", reason: `finding ${f.type} names no EC2 instance`, where });
    return;
  }
  // The rule's pattern filters already; checked again so an edited rule or a replayed archive cannot widen it.
  if (!settings.guardDutyTypePrefixes.some((p) => f.type.startsWith(p))) {
    intake.dismissed.push({ disposition: "ignored", reason: `finding type ${f.type} is not one that isolates`, where });
    return;
  }
  if (f.severity < settings.guardDutyMinSeverity) {
    intake.dismissed.push({ disposition: "ignored", reason: `severity ${f.severity} is below ${settings.guardDutyMinSeverity}`, where });
    return;
  }
  intake.requests.push({
    kind: "isolate",
    target: { accountId: f.accountId, region: f.region },
    instanceId: f.instanceId,
    reason: cleanText(`GuardDuty ${f.type}${f.title ? `: ${f.title}` : ""}`),
    findingId: tagSafeText(f.id, 200),
    source: "guardduty",
    ...(f.updatedAt ? { updatedAt: f.updatedAt } : {}),
  });
}

/** One response per instance per invocation, even when one message names it several times. */
export function dedupe(requests: readonly ResponseRequest[]): ResponseRequest[] {
  const seen = new Set<string>();
  return requests.filter((r) => {
    const key = `${r.kind}/${r.target.accountId}/${r.target.region}/${r.instanceId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
