import { ACCOUNT_ID, FieldReader, INSTANCE_ID, describe, isObject, parseJsonText } from "./fields";
import { fail, guarded, ok, type ParseResult } from "./result";

/** Deep Security / Workload Security event types (the manager may add more: any other string is kept as-is). */
export type DeepSecurityEventType =
  | "SystemEvent"
  | "PacketLog"
  | "PayloadLog"
  | "AntiMalwareEvent"
  | "WebReputationEvent"
  | "IntegrityEvent"
  | "LogInspectionEvent"
  | "AppControlEvent"
  | (string & {});

export interface DeepSecurityEvent {
  eventType: DeepSecurityEventType;
  eventId?: string;
  logDate?: string;
  /** The AWS account of the host (12 digits); absent for non-AWS hosts. */
  hostOwnerId?: string;
  /** The EC2 instance of the host; absent for non-AWS hosts. */
  hostInstanceId?: string;
  hostname?: string;
  hostId?: number;
  tenantId?: number;
  tenantName?: string;
  severity?: number;
  action?: number;
  actionString?: string;
  repeatCount?: number;
  reason?: string;
  /** Canonical IP text. */
  sourceIp?: string;
  sourcePort?: number;
  /** Canonical IP text. */
  destinationIp?: string;
  destinationPort?: number;
  /** IntegrityEvent: the file path or registry key. */
  key?: string;
  /** IntegrityEvent: Created | Updated | Deleted | Renamed (numeric codes mapped to these names). */
  change?: string;
  malwareName?: string;
  infectedFilePath?: string;
  risk?: number;
  url?: string;
  /** Canonical IP text. */
  targetIp?: string;
  ossecLevel?: number;
  ossecDescription?: string;
}

export interface Rejection {
  index: number;
  reason: string;
}

const CHANGE_NAMES: Record<string, string> = { "1": "Created", "2": "Updated", "3": "Deleted", "4": "Renamed" };
const PORT = { min: 0, max: 65535, integer: true } as const;
const ID = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true } as const;

/**
 * Reads one SNS message from the Deep Security manager: a JSON array of events (a single object is accepted too).
 * Each event is validated on its own; a bad event is listed in `rejected` and never sinks the others.
 */
export function parseDeepSecurityMessage(message: string): ParseResult<{ events: DeepSecurityEvent[]; rejected: Rejection[] }> {
  return guarded("Deep Security message", () => {
    const parsed = parseJsonText(message);
    if ("error" in parsed) return fail(`Deep Security message: ${parsed.error}`);
    const items = Array.isArray(parsed.value) ? parsed.value : isObject(parsed.value) ? [parsed.value] : undefined;
    if (!items) return fail(`Deep Security message is not a JSON array of events (got ${describe(parsed.value)})`);
    const events: DeepSecurityEvent[] = [];
    const rejected: Rejection[] = [];
    items.forEach((item, index) => {
      const result = parseEvent(item);
      if (result.ok) events.push(result.value);
      else rejected.push({ index, reason: result.reason });
    });
    return ok({ events, rejected });
  });
}

function parseEvent(item: unknown): ParseResult<DeepSecurityEvent> {
  if (!isObject(item)) return fail(`event is not an object (${describe(item)})`);
  const r = new FieldReader(item);
  const eventType = r.requiredText("EventType");
  if (eventType !== undefined && !/^[A-Za-z]{1,64}$/.test(eventType)) r.error(`EventType is not a type name: ${describe(eventType)}`);
  const rawChange = r.matching("Change", /^(?:\d{1,3}|[A-Za-z ]{1,32})$/, "a change kind");
  const event: DeepSecurityEvent = {
    eventType: eventType ?? "",
    eventId: r.matching("EventID", /^\d{1,20}$/, "an event id"),
    logDate: r.timestamp("LogDate"),
    hostOwnerId: r.matching("HostOwnerID", ACCOUNT_ID, "a 12-digit account id"),
    hostInstanceId: r.matching("HostInstanceID", INSTANCE_ID, "an instance id"),
    hostname: r.text("Hostname"),
    hostId: r.number("HostID", ID),
    tenantId: r.number("TenantID", ID),
    tenantName: r.text("TenantName"),
    // 1–4 (low–critical) for IPS and integrity events, 0–2 for system events; a little headroom for other types.
    severity: r.number("Severity", { min: 0, max: 10, integer: true }),
    action: r.number("Action", { min: 0, max: 0xff, integer: true }),
    actionString: r.text("ActionString"),
    repeatCount: r.number("RepeatCount", ID),
    reason: r.text("Reason"),
    sourceIp: r.ip("SourceIP"),
    sourcePort: r.number("SourcePort", PORT),
    destinationIp: r.ip("DestinationIP"),
    destinationPort: r.number("DestinationPort", PORT),
    key: r.text("Key"),
    change: rawChange === undefined ? undefined : (CHANGE_NAMES[rawChange] ?? rawChange),
    malwareName: r.text("MalwareName"),
    infectedFilePath: r.text("InfectedFilePath"),
    risk: r.number("Risk", { min: 0, max: 10, integer: true }),
    url: r.text("URL"),
    targetIp: r.ip("TargetIP"),
    ossecLevel: r.number("OSSEC_Level", { min: 0, max: 16, integer: true }),
    ossecDescription: r.text("OSSEC_Description"),
  };
  if (r.errors.length > 0) return fail(`${eventType ?? "event"}${event.eventId === undefined ? "" : ` ${event.eventId}`}: ${r.errors.join("; ")}`);
  for (const k of Object.keys(event) as (keyof DeepSecurityEvent)[]) if (event[k] === undefined) delete event[k];
  return ok(event);
}

/** Whether the event comes from an EC2 host (both the account and the instance known): only those are acted on in AWS. */
export function isAwsHostEvent(e: DeepSecurityEvent): e is DeepSecurityEvent & { hostOwnerId: string; hostInstanceId: string } {
  return typeof e.hostOwnerId === "string" && ACCOUNT_ID.test(e.hostOwnerId) && typeof e.hostInstanceId === "string" && INSTANCE_ID.test(e.hostInstanceId);
}
