import { boolean, ConfigurationError, integer, json, list, number, optionalString, requiredString } from "../../shared/runtime/env";
import { CidrSet } from "../../shared/net/cidr";
import { DEFAULT_COUNTER_OPTIONS } from "./access-log";
import { addressPolicy, BLOCK_SOURCES, isBlockSource, type AddressPolicy, type BlockSource } from "./block-request";
import type { BlockDefaults } from "./block-store";
import type { BreakerLimits } from "./block-writer";
import { DEFAULT_EVENT_FEEDER, type EventFeederConfig } from "./event-feeder";
import type { IpSetRef } from "./ip-set-writer";
import type { Thresholds } from "./log-window";
import { DEFAULT_REPUTATION_URLS } from "./reputation";

type Env = Record<string, string | undefined>;

/** The environment variables the component sets and the writer reads (each listed in the README). */
export const WriterEnv = {
  tableName: "KAMAE_BLOCK_TABLE",
  ipSets: "KAMAE_IP_SETS",
  capacity: "KAMAE_IP_SET_CAPACITY",
  allowlist: "KAMAE_ALLOWLIST",
  blockPrivate: "KAMAE_BLOCK_PRIVATE",
  minPrefixV4: "KAMAE_MIN_PREFIX_V4",
  minPrefixV6: "KAMAE_MIN_PREFIX_V6",
  reputationMinPrefixV4: "KAMAE_REPUTATION_MIN_PREFIX_V4",
  reputationMinPrefixV6: "KAMAE_REPUTATION_MIN_PREFIX_V6",
  blockMinutes: "KAMAE_BLOCK_MINUTES",
  defaultBlockMinutes: "KAMAE_DEFAULT_BLOCK_MINUTES",
  historyDays: "KAMAE_HISTORY_DAYS",
  notifyTopicArn: "KAMAE_NOTIFY_TOPIC_ARN",
  wafRegion: "KAMAE_WAF_REGION",
  minWriteIntervalMs: "KAMAE_MIN_WRITE_INTERVAL_MS",
  breakerWindowMinutes: "KAMAE_BREAKER_WINDOW_MINUTES",
  breakerNewBlocks: "KAMAE_BREAKER_NEW_BLOCKS",
  privilegedSenderIds: "KAMAE_PRIVILEGED_SENDER_IDS",
} as const;

/** The variables the component sets for the feeders (each feeder reads its own and the block queue's URL). */
export const FeederEnv = {
  blockQueueUrl: "KAMAE_BLOCK_QUEUE_URL",
  dsPayloadMinSeverity: "KAMAE_DS_PAYLOAD_MIN_SEVERITY",
  dsPacketMinRepeat: "KAMAE_DS_PACKET_MIN_REPEAT",
  guardDutyMinSeverity: "KAMAE_GUARDDUTY_MIN_SEVERITY",
  guardDutyActions: "KAMAE_GUARDDUTY_ACTIONS",
  maxAddressesPerEvent: "KAMAE_MAX_ADDRESSES_PER_EVENT",
  actOnSampleFindings: "KAMAE_ACT_ON_SAMPLE_FINDINGS",
  counterTable: "KAMAE_COUNTER_TABLE",
  errorsPerMinute: "KAMAE_ERRORS_PER_MINUTE",
  requestsPer5Minutes: "KAMAE_REQUESTS_PER_5_MINUTES",
  mergeFloor: "KAMAE_MERGE_FLOOR",
  maxCounterUpdates: "KAMAE_MAX_COUNTER_UPDATES",
  albErrorCodes: "KAMAE_ALB_ERROR_CODES",
  cloudFrontErrorCodes: "KAMAE_CLOUDFRONT_ERROR_CODES",
  trustedProxies: "KAMAE_TRUSTED_PROXIES",
  reputationUrls: "KAMAE_REPUTATION_URLS",
} as const;

/**
 * The access-log parser's thresholds when unset (the component's defaults): 1,000 requests in 5 minutes, since a
 * browser loading pages with their assets makes hundreds; the error threshold catches scanners.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { errorsPerMinute: 50, requestsPer5Minutes: 1000, mergeFloor: 0.2, maxUpdatesPerFile: 2_000 };

/** What an unset writer setting means, to the function and to the component alike. */
export const WriterDefaults = { capacity: 10_000 /* WAF's limit per IP set */, defaultBlockMinutes: 240, historyDays: 30, blockPrivate: false } as const;

export interface WriterConfig {
  readonly tableName: string;
  readonly sets: IpSetRef[];
  readonly capacity: number;
  readonly policy: AddressPolicy;
  readonly defaults: BlockDefaults;
  readonly notifyTopicArn?: string;
  readonly wafRegion: string;
  readonly minWriteIntervalMs: number;
  readonly breaker: BreakerLimits;
  readonly privilegedSenders: string[];
}

/**
 * New blocks per source per window before the breaker holds the rest: far above a real attack's rate from events,
 * above the Spamhaus lists' size for reputation; manual requests have no breaker.
 */
export const DEFAULT_BREAKER: BreakerLimits = {
  windowMinutes: 60,
  maxNewBlocks: { "deep-security": 200, guardduty: 200, "access-log": 200, honeypot: 200, reputation: 5000 },
};

/** The writer's settings (environment variables listed in the README); a bad one fails at cold start. */
export function writerConfig(env: Env = process.env): WriterConfig {
  const sets = json(WriterEnv.ipSets, parseIpSets, [], env);
  if (sets.length === 0) throw new ConfigurationError(`${WriterEnv.ipSets} must list the IP sets to write`);
  let policy: AddressPolicy;
  try {
    policy = addressPolicy({
      allowlist: list(WriterEnv.allowlist, env),
      blockPrivate: boolean(WriterEnv.blockPrivate, WriterDefaults.blockPrivate, env),
      minPrefixV4: integer(WriterEnv.minPrefixV4, 8, { min: 1, max: 32 }, env),
      minPrefixV6: integer(WriterEnv.minPrefixV6, 24, { min: 1, max: 128 }, env),
      reputationMinPrefixV4: integer(WriterEnv.reputationMinPrefixV4, 16, { min: 1, max: 32 }, env),
      reputationMinPrefixV6: integer(WriterEnv.reputationMinPrefixV6, 24, { min: 1, max: 128 }, env),
    });
  } catch (err) {
    throw new ConfigurationError(`${WriterEnv.allowlist}: ${(err as Error).message}`);
  }
  return {
    tableName: requiredString(WriterEnv.tableName, env),
    sets,
    capacity: integer(WriterEnv.capacity, WriterDefaults.capacity, { min: 1, max: 10_000 }, env),
    policy,
    defaults: {
      minutesBySource: json(WriterEnv.blockMinutes, parseMinutes, {}, env),
      defaultMinutes: integer(WriterEnv.defaultBlockMinutes, WriterDefaults.defaultBlockMinutes, { min: 1, max: 527_040 }, env),
      historyDays: integer(WriterEnv.historyDays, WriterDefaults.historyDays, { min: 1, max: 3650 }, env),
    },
    notifyTopicArn: optionalString(WriterEnv.notifyTopicArn, env),
    wafRegion: optionalString(WriterEnv.wafRegion, env) ?? requiredString("AWS_REGION", env),
    minWriteIntervalMs: integer(WriterEnv.minWriteIntervalMs, 1100, { min: 0, max: 60_000 }, env),
    breaker: {
      windowMinutes: integer(WriterEnv.breakerWindowMinutes, DEFAULT_BREAKER.windowMinutes, { min: 1, max: 7 * 24 * 60 }, env),
      maxNewBlocks: json(WriterEnv.breakerNewBlocks, parseMinutes, DEFAULT_BREAKER.maxNewBlocks, env),
    },
    privilegedSenders: privilegedSenders(env),
  };
}

/** Unique ids of IAM roles (AROA…) or users (AIDA…), as SQS reports senders. */
function privilegedSenders(env: Env): string[] {
  const ids = list(WriterEnv.privilegedSenderIds, env);
  const bad = ids.find((id) => !/^A(RO|ID)A[A-Z0-9]{12,124}$/.test(id));
  if (bad !== undefined) throw new ConfigurationError(`${WriterEnv.privilegedSenderIds}: "${bad}" is not the unique id of an IAM role or user`);
  return ids;
}

function parseIpSets(value: unknown): IpSetRef[] {
  if (!Array.isArray(value)) throw new Error("must be a JSON array");
  return value.map((v, i) => {
    const ok = v && typeof v.name === "string" && typeof v.id === "string" && (v.scope === "REGIONAL" || v.scope === "CLOUDFRONT") && (v.version === 4 || v.version === 6);
    if (!ok) throw new Error(`entry ${i} must be {name, id, scope: REGIONAL|CLOUDFRONT, version: 4|6}`);
    return { name: v.name, id: v.id, scope: v.scope, version: v.version };
  });
}

/** A JSON object of source → positive integer (block minutes, breaker limits); only the known sources. */
function parseMinutes(value: unknown): Partial<Record<BlockSource, number>> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("must be a JSON object of source → positive integer");
  const out: Partial<Record<BlockSource, number>> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!isBlockSource(k)) throw new Error(`${JSON.stringify(k).slice(0, 40)} is not a source (${BLOCK_SOURCES.join(", ")})`);
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new Error(`the value of ${k} must be a positive integer`);
    out[k] = v;
  }
  return out;
}

/** The event feeder's settings (Deep Security and GuardDuty); a bad one fails at cold start. */
export function eventFeederSettings(env: Env = process.env): EventFeederConfig & { readonly queueUrl: string } {
  const e = FeederEnv;
  const d = DEFAULT_EVENT_FEEDER;
  const actions = list(e.guardDutyActions, env);
  return {
    queueUrl: requiredString(e.blockQueueUrl, env),
    payloadMinSeverity: integer(e.dsPayloadMinSeverity, d.payloadMinSeverity, { min: 0, max: 10 }, env),
    packetMinRepeat: integer(e.dsPacketMinRepeat, d.packetMinRepeat, { min: 1 }, env),
    guardDutyMinSeverity: integer(e.guardDutyMinSeverity, d.guardDutyMinSeverity, { min: 0, max: 10 }, env),
    guardDutyActions: actions.length > 0 ? actions : d.guardDutyActions,
    maxAddressesPerEvent: integer(e.maxAddressesPerEvent, d.maxAddressesPerEvent, { min: 1, max: 2000 }, env),
    actOnSampleFindings: boolean(e.actOnSampleFindings, d.actOnSampleFindings, env),
  };
}

/** Proxies whose own address is never blocked (the client is read from the header they add). */
function trustedProxies(env: Env): CidrSet {
  try {
    return new CidrSet(list(FeederEnv.trustedProxies, env));
  } catch (err) {
    throw new ConfigurationError(`${FeederEnv.trustedProxies}: ${(err as Error).message}`);
  }
}

function statusCodes(name: string, fallback: ReadonlySet<number>, env: Env): ReadonlySet<number> {
  const raw = list(name, env);
  if (raw.length === 0) return fallback;
  if (!raw.every((c) => /^[1-5]\d\d$/.test(c))) throw new ConfigurationError(`${name} must list HTTP status codes`);
  return new Set(raw.map(Number));
}

/** The access-log parser's settings; a bad one fails at cold start. */
export function logParserSettings(env: Env = process.env) {
  const e = FeederEnv;
  const thresholds = {
    errorsPerMinute: integer(e.errorsPerMinute, DEFAULT_THRESHOLDS.errorsPerMinute, { min: 1 }, env),
    requestsPer5Minutes: integer(e.requestsPer5Minutes, DEFAULT_THRESHOLDS.requestsPer5Minutes, { min: 1 }, env),
    mergeFloor: number(e.mergeFloor, DEFAULT_THRESHOLDS.mergeFloor, env),
    maxUpdatesPerFile: integer(e.maxCounterUpdates, DEFAULT_THRESHOLDS.maxUpdatesPerFile, { min: 1 }, env),
  };
  if (thresholds.mergeFloor < 0 || thresholds.mergeFloor > 1) throw new ConfigurationError(`${e.mergeFloor} must be between 0 and 1`);
  return {
    queueUrl: requiredString(e.blockQueueUrl, env),
    counterTable: requiredString(e.counterTable, env),
    counter: {
      albErrorCodes: statusCodes(e.albErrorCodes, DEFAULT_COUNTER_OPTIONS.albErrorCodes, env),
      cloudFrontErrorCodes: statusCodes(e.cloudFrontErrorCodes, DEFAULT_COUNTER_OPTIONS.cloudFrontErrorCodes, env),
      maxAddresses: DEFAULT_COUNTER_OPTIONS.maxAddresses,
    },
    thresholds,
    trustedProxies: trustedProxies(env),
  };
}

/** The reputation feeder's settings: the lists to read (https only; default Spamhaus DROP, EDROP, DROPv6). */
export function reputationSettings(env: Env = process.env): { readonly queueUrl: string; readonly urls: string[] } {
  const listed = list(FeederEnv.reputationUrls, env);
  const urls = listed.length > 0 ? listed : [...DEFAULT_REPUTATION_URLS];
  for (const url of urls) if (!/^https:\/\/[^\s]+$/.test(url)) throw new ConfigurationError(`${FeederEnv.reputationUrls}: "${url}" is not an https URL`);
  return { queueUrl: requiredString(FeederEnv.blockQueueUrl, env), urls };
}

/** The honeypot's settings. */
export function honeypotSettings(env: Env = process.env): { readonly queueUrl: string; readonly trustedProxies: CidrSet } {
  return { queueUrl: requiredString(FeederEnv.blockQueueUrl, env), trustedProxies: trustedProxies(env) };
}
