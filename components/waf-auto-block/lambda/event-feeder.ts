import { parseDeepSecurityMessage, type DeepSecurityEvent } from "../../shared/events/deep-security";
import { field } from "../../shared/events/fields";
import { parseGuardDutyEvent, sampleFindingDismissal } from "../../shared/events/guardduty";
import { parseSnsEvent } from "../../shared/events/sns";
import { blockMessages, type BlockRequest } from "./block-request";

export interface EventFeederConfig {
  /** Intrusion prevention events (PayloadLog) at or above this severity block their source. */
  readonly payloadMinSeverity: number;
  /** Firewall events (PacketLog) repeated at least this often block their source. */
  readonly packetMinRepeat: number;
  /** GuardDuty findings at or above this severity block their remote addresses. */
  readonly guardDutyMinSeverity: number;
  /** GuardDuty action types whose remote addresses are blocked. */
  readonly guardDutyActions: readonly string[];
  /** Addresses one event may block; the rest are reported, not blocked (a 5,000-address port probe is not 5,000 blocks). */
  readonly maxAddressesPerEvent: number;
  /** Opt-in for drills: GuardDuty sample findings are otherwise dismissed. */
  readonly actOnSampleFindings: boolean;
}

export const DEFAULT_EVENT_FEEDER: EventFeederConfig = {
  payloadMinSeverity: 3,
  packetMinRepeat: 5,
  guardDutyMinSeverity: 4,
  guardDutyActions: ["NETWORK_CONNECTION", "PORT_PROBE", "AWS_API_CALL"],
  maxAddressesPerEvent: 50,
  actOnSampleFindings: false,
};

export interface FeederDecision {
  readonly requests: BlockRequest[];
  /** Input that could not be read (logged; never acted on). */
  readonly rejected: string[];
  /** Valid events that do not call for a block, and why. */
  readonly skipped: string[];
}

/**
 * Turns one Lambda event into block requests: an SNS event from the Deep Security manager (intrusion prevention and
 * firewall events), or a GuardDuty finding from EventBridge (network connection, every port probe, API call).
 */
export function decideBlocks(event: unknown, config: EventFeederConfig = DEFAULT_EVENT_FEEDER): FeederDecision {
  const out: FeederDecision = { requests: [], rejected: [], skipped: [] };
  if (field(event, "Records") !== undefined) {
    const sns = parseSnsEvent(event);
    if (!sns.ok) return { ...out, rejected: [sns.reason] };
    for (const message of sns.value) {
      const parsed = parseDeepSecurityMessage(message.message);
      if (!parsed.ok) {
        out.rejected.push(`SNS message ${message.messageId}: ${parsed.reason}`);
        continue;
      }
      for (const r of parsed.value.rejected) out.rejected.push(`SNS message ${message.messageId} event ${r.index}: ${r.reason}`);
      parsed.value.events.forEach((e, index) => deepSecurity(e, `${message.messageId}:${index}`, config, out));
    }
    return out;
  }
  const finding = parseGuardDutyEvent(event);
  if (!finding.ok) return { ...out, rejected: [finding.reason] };
  const f = finding.value;
  const drill = sampleFindingDismissal(f, config.actOnSampleFindings);
  if (drill) return { ...out, skipped: [drill] };
  if (f.severity < config.guardDutyMinSeverity) return { ...out, skipped: [`${f.type} severity ${f.severity} < ${config.guardDutyMinSeverity}`] };
  if (!f.actionType || !config.guardDutyActions.includes(f.actionType)) return { ...out, skipped: [`${f.type}: action ${f.actionType ?? "none"} names no address to block`] };
  if (f.remoteIps.length === 0) return { ...out, skipped: [`${f.type}: no remote address`] };
  const addresses = f.remoteIps.slice(0, config.maxAddressesPerEvent);
  if (addresses.length < f.remoteIps.length) {
    out.skipped.push(`${f.type} ${f.id}: ${f.remoteIps.length} remote addresses, the first ${addresses.length} blocked, ${f.remoteIps.length - addresses.length} not (cap per event)`);
  }
  out.requests.push(
    ...blockMessages(
      {
        source: "guardduty",
        reason: `${f.type} (severity ${f.severity}) in ${f.accountId}/${f.region}`,
        // An updated finding (more probes, a new count) is a new sighting; the same update replayed is not.
        requestId: `gd:${f.id}:${f.updatedAt ?? f.createdAt ?? ""}`,
      },
      addresses,
    ),
  );
  return out;
}

function deepSecurity(e: DeepSecurityEvent, fallbackId: string, config: EventFeederConfig, out: FeederDecision): void {
  const where = `${e.eventType} ${e.eventId ?? ""} on ${e.hostInstanceId ?? e.hostname ?? "an unknown host"}`;
  if (e.eventType !== "PayloadLog" && e.eventType !== "PacketLog") return void out.skipped.push(`${where}: not an intrusion prevention or firewall event`);
  if (!e.sourceIp) return void out.skipped.push(`${where}: no source address`);
  if (e.eventType === "PayloadLog" && (e.severity ?? 0) < config.payloadMinSeverity) return void out.skipped.push(`${where}: severity ${e.severity ?? "none"} < ${config.payloadMinSeverity}`);
  if (e.eventType === "PacketLog" && (e.repeatCount ?? 1) < config.packetMinRepeat) return void out.skipped.push(`${where}: repeat count ${e.repeatCount ?? 1} < ${config.packetMinRepeat}`);
  const what = e.eventType === "PayloadLog" ? `intrusion prevention "${e.reason ?? "?"}" severity ${e.severity}` : `firewall "${e.reason ?? "?"}" repeated ${e.repeatCount}`;
  out.requests.push(
    ...blockMessages(
      {
        source: "deep-security",
        reason: `${what} on ${e.hostInstanceId ?? e.hostname ?? "host"}${e.hostOwnerId ? ` (${e.hostOwnerId})` : ""}`,
        requestId: e.eventId !== undefined ? `ds:${e.tenantId ?? ""}:${e.hostId ?? ""}:${e.eventId}` : `ds:${fallbackId}`,
      },
      [e.sourceIp],
    ),
  );
}
