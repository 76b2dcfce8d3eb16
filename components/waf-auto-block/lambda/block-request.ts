import { field, isObject, parseJsonText } from "../../shared/events/fields";
import { fail, ok, type ParseResult } from "../../shared/events/result";
import { CidrSet, isPrivateOrReserved, parseCidr, type Cidr } from "../../shared/net/cidr";

/**
 * The messages of the block queue: the one path by which every feeder (ours and other components', such as
 * GuardDutyResponder) asks the single writer to block or unblock addresses, plus the sweeper's "sync" tick.
 */
export interface BlockRequest {
  readonly kind: "kamae.block";
  /** Addresses or CIDRs as the feeder saw them; canonicalised by the writer. */
  readonly addresses: readonly string[];
  /** The feeder: one of BLOCK_SOURCES. */
  readonly source: BlockSource;
  readonly reason: string;
  /** Block period; absent = the writer's default for the source. */
  readonly ttlMinutes?: number;
  /** Never expires (until an explicit unblock). */
  readonly permanent?: boolean;
  /** Identifies the event that caused the request, so a replay of it changes nothing. */
  readonly requestId?: string;
  /** Never evicted when the IP sets are full (manual requests only). */
  readonly pinned?: boolean;
}

export interface UnblockRequest {
  readonly kind: "kamae.unblock";
  readonly addresses: readonly string[];
  readonly reason: string;
  readonly requestId?: string;
}

/** Sent by the scheduled sweeper: expire what is due and bring the IP sets in line with the store. */
export interface SyncRequest {
  readonly kind: "kamae.sync";
}

export type QueueMessage = BlockRequest | UnblockRequest | SyncRequest;

/**
 * Every feeder that may ask for a block. A fixed set: the source picks the block period, the priority and the minimum
 * prefix, so an unknown one (or "constructor", "__proto__") is refused instead of looked up.
 */
export const BLOCK_SOURCES = ["deep-security", "guardduty", "access-log", "reputation", "honeypot", "manual"] as const;
export type BlockSource = (typeof BLOCK_SOURCES)[number];
export const isBlockSource = (value: unknown): value is BlockSource => (BLOCK_SOURCES as readonly unknown[]).includes(value);

/** Feeders that name single attackers: they block one address, never a network. */
export const EVENT_SOURCES: ReadonlySet<BlockSource> = new Set<BlockSource>(["deep-security", "guardduty", "access-log", "honeypot"]);

/** One SQS message holds at most this many addresses (well under the 256 KiB message limit). */
export const MAX_ADDRESSES_PER_MESSAGE = 2000;
const MAX_REASON = 256;
const MAX_TTL_MINUTES = 366 * 24 * 60;
const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

/** Control characters and excess length removed: reasons end up in logs, notifications and the table. */
export function cleanReason(text: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").trim();
  return cleaned.length > MAX_REASON ? `${cleaned.slice(0, MAX_REASON - 1)}…` : cleaned;
}

/**
 * Requests only the configured privileged senders may make: lifting a block, and blocks that never expire, are never
 * evicted, or come as "manual" (no breaker). Anyone else who can send to the queue may only ask for ordinary blocks.
 */
export function needsPrivilegedSender(msg: QueueMessage): boolean {
  // Stryker disable next-line ConditionalExpression: a sync message has no permanent, pinned or source field to test.
  return msg.kind === "kamae.unblock" || (msg.kind === "kamae.block" && (msg.permanent === true || msg.pinned === true || msg.source === "manual"));
}

/** The refusal reason of a privileged request from another sender. */
export const NOT_PRIVILEGED = "not from a configured privileged sender";

/** Parses one queue message body. Never throws; a refused message says why. */
export function parseQueueMessage(body: unknown): ParseResult<QueueMessage> {
  const parsed = parseJsonText(body);
  if ("error" in parsed) return fail(parsed.error);
  const msg = parsed.value;
  if (!isObject(msg)) return fail("message is not a JSON object");
  const kind = field(msg, "kind");
  if (kind === "kamae.sync") return ok({ kind });
  if (kind !== "kamae.block" && kind !== "kamae.unblock") return fail(`unknown message kind ${JSON.stringify(kind)?.slice(0, 40)}`);
  const addresses = field(msg, "addresses");
  if (!Array.isArray(addresses) || addresses.length === 0) return fail("addresses must be a non-empty array");
  if (addresses.length > MAX_ADDRESSES_PER_MESSAGE) return fail(`more than ${MAX_ADDRESSES_PER_MESSAGE} addresses in one message`);
  if (!addresses.every((a) => typeof a === "string")) return fail("addresses must be strings");
  const reasonRaw = field(msg, "reason");
  if (reasonRaw !== undefined && typeof reasonRaw !== "string") return fail("reason must be a string");
  const reason = cleanReason(reasonRaw ?? "");
  const requestId = field(msg, "requestId");
  if (requestId !== undefined && (typeof requestId !== "string" || !REQUEST_ID.test(requestId))) return fail("requestId must be printable ASCII of at most 200 characters");
  if (kind === "kamae.unblock") return ok({ kind, addresses: addresses as string[], reason, requestId: requestId as string | undefined });
  const source = field(msg, "source");
  if (!isBlockSource(source)) return fail(`source must be one of ${BLOCK_SOURCES.join(", ")}`);
  const ttl = field(msg, "ttlMinutes");
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for every non-number too.
  if (ttl !== undefined && (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_MINUTES)) {
    return fail(`ttlMinutes must be an integer from 1 to ${MAX_TTL_MINUTES}`);
  }
  const permanent = field(msg, "permanent");
  if (permanent !== undefined && typeof permanent !== "boolean") return fail("permanent must be a boolean");
  const pinned = field(msg, "pinned");
  if (pinned !== undefined && typeof pinned !== "boolean") return fail("pinned must be a boolean");
  if (pinned && source !== "manual") return fail("only manual requests may pin an address");
  return ok({
    kind,
    addresses: addresses as string[],
    source,
    reason,
    ttlMinutes: ttl as number | undefined,
    permanent: permanent as boolean | undefined,
    requestId: requestId as string | undefined,
    ...(pinned ? { pinned: true } : {}),
  });
}

export interface AddressPolicy {
  /** Networks never blocked. */
  readonly isAllowed: (cidr: Cidr) => boolean;
  /** Block private and reserved ranges (off by default: they are never attackers on the internet). */
  readonly blockPrivate: boolean;
  readonly isPrivate: (cidr: string) => boolean;
  /** Shortest prefixes accepted from manual requests, so one request can never block a whole continent. */
  readonly minPrefixV4: number;
  readonly minPrefixV6: number;
  /** Shortest prefixes accepted from reputation lists (/16 and /24 unless configured). */
  readonly reputationMinPrefixV4: number;
  readonly reputationMinPrefixV6: number;
}

/** The policy from settings: an allowlist of CIDRs (overlap refuses), private ranges refused unless asked. */
export function addressPolicy(settings: {
  allowlist: readonly string[];
  blockPrivate?: boolean;
  minPrefixV4?: number;
  minPrefixV6?: number;
  reputationMinPrefixV4?: number;
  reputationMinPrefixV6?: number;
}): AddressPolicy {
  const allowed = new CidrSet(settings.allowlist);
  return {
    isAllowed: (cidr) => allowed.overlaps(cidr.text),
    blockPrivate: settings.blockPrivate ?? false,
    isPrivate: isPrivateOrReserved,
    minPrefixV4: settings.minPrefixV4 ?? 8,
    minPrefixV6: settings.minPrefixV6 ?? 24,
    reputationMinPrefixV4: settings.reputationMinPrefixV4 ?? 16,
    reputationMinPrefixV6: settings.reputationMinPrefixV6 ?? 24,
  };
}

/** The shortest prefix a source may block: event feeders one address, reputation lists and manual requests as set. */
export function minPrefix(source: BlockSource, version: 4 | 6, policy: AddressPolicy): number {
  if (EVENT_SOURCES.has(source)) return version === 4 ? 32 : 128;
  if (source === "reputation") return version === 4 ? policy.reputationMinPrefixV4 : policy.reputationMinPrefixV6;
  return version === 4 ? policy.minPrefixV4 : policy.minPrefixV6;
}

/** The refusal of a network broader than its source may block starts with this: such refusals are notified. */
export const TOO_BROAD = "broader than";

/** Canonicalises one requested address and applies the source's minimum prefix and the allowlist; the refusal says why. */
export function admitAddress(text: string, policy: AddressPolicy, source: BlockSource): ParseResult<Cidr> {
  const parsed = parseCidr(text, { strict: true });
  if (!parsed.ok) return parsed;
  const cidr = parsed.value;
  const min = minPrefix(source, cidr.version, policy);
  if (cidr.prefix < min) return fail(`${cidr.text} is ${TOO_BROAD} /${min}, the shortest prefix ${source} may block`);
  if (!policy.blockPrivate && policy.isPrivate(cidr.text)) return fail(`${cidr.text} is private or reserved`);
  if (policy.isAllowed(cidr)) return fail(`${cidr.text} overlaps the allowlist`);
  return ok(cidr);
}

/** Splits a feeder's addresses into queue messages of bounded size (order kept, duplicates removed). */
export function blockMessages(request: Omit<BlockRequest, "kind" | "addresses">, addresses: Iterable<string>): BlockRequest[] {
  const unique = [...new Set(addresses)];
  const out: BlockRequest[] = [];
  for (let i = 0; i < unique.length; i += MAX_ADDRESSES_PER_MESSAGE) {
    const part = unique.slice(i, i + MAX_ADDRESSES_PER_MESSAGE);
    const requestId = request.requestId && unique.length > MAX_ADDRESSES_PER_MESSAGE ? `${request.requestId}#${i / MAX_ADDRESSES_PER_MESSAGE}` : request.requestId;
    out.push({ kind: "kamae.block", ...request, reason: cleanReason(request.reason), addresses: part, ...(requestId ? { requestId } : {}) });
  }
  return out;
}
