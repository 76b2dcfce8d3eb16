import { boolean, ConfigurationError, integer, json, list, optionalString, requiredString } from "../../shared/runtime/env";
import { addressPolicy, BLOCK_SOURCES, isBlockSource, type AddressPolicy, type BlockSource } from "./block-request";
import type { BlockDefaults } from "./block-store";
import type { BreakerLimits } from "./block-writer";
import type { IpSetRef } from "./ip-set-writer";

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
export function writerConfig(env: Record<string, string | undefined> = process.env): WriterConfig {
  const sets = json("KAMAE_IP_SETS", parseIpSets, [], env);
  if (sets.length === 0) throw new ConfigurationError("KAMAE_IP_SETS must list the IP sets to write");
  let policy: AddressPolicy;
  try {
    policy = addressPolicy({
      allowlist: list("KAMAE_ALLOWLIST", env),
      blockPrivate: boolean("KAMAE_BLOCK_PRIVATE", false, env),
      minPrefixV4: integer("KAMAE_MIN_PREFIX_V4", 8, { min: 1, max: 32 }, env),
      minPrefixV6: integer("KAMAE_MIN_PREFIX_V6", 24, { min: 1, max: 128 }, env),
      reputationMinPrefixV4: integer("KAMAE_REPUTATION_MIN_PREFIX_V4", 16, { min: 1, max: 32 }, env),
      reputationMinPrefixV6: integer("KAMAE_REPUTATION_MIN_PREFIX_V6", 24, { min: 1, max: 128 }, env),
    });
  } catch (err) {
    throw new ConfigurationError(`KAMAE_ALLOWLIST: ${(err as Error).message}`);
  }
  return {
    tableName: requiredString("KAMAE_BLOCK_TABLE", env),
    sets,
    capacity: integer("KAMAE_IP_SET_CAPACITY", 10_000, { min: 1, max: 10_000 }, env),
    policy,
    defaults: {
      minutesBySource: json("KAMAE_BLOCK_MINUTES", parseMinutes, {}, env),
      defaultMinutes: integer("KAMAE_DEFAULT_BLOCK_MINUTES", 240, { min: 1, max: 527_040 }, env),
      historyDays: integer("KAMAE_HISTORY_DAYS", 30, { min: 1, max: 3650 }, env),
    },
    notifyTopicArn: optionalString("KAMAE_NOTIFY_TOPIC_ARN", env),
    wafRegion: optionalString("KAMAE_WAF_REGION", env) ?? requiredString("AWS_REGION", env),
    minWriteIntervalMs: integer("KAMAE_MIN_WRITE_INTERVAL_MS", 1100, { min: 0, max: 60_000 }, env),
    breaker: {
      windowMinutes: integer("KAMAE_BREAKER_WINDOW_MINUTES", DEFAULT_BREAKER.windowMinutes, { min: 1, max: 7 * 24 * 60 }, env),
      maxNewBlocks: json("KAMAE_BREAKER_NEW_BLOCKS", parseMinutes, DEFAULT_BREAKER.maxNewBlocks, env),
    },
    privilegedSenders: privilegedSenders(env),
  };
}

/** Unique ids of IAM roles (AROA…) or users (AIDA…), as SQS reports senders. */
function privilegedSenders(env: Record<string, string | undefined>): string[] {
  const ids = list("KAMAE_PRIVILEGED_SENDER_IDS", env);
  const bad = ids.find((id) => !/^A(RO|ID)A[A-Z0-9]{12,124}$/.test(id));
  if (bad !== undefined) throw new ConfigurationError(`KAMAE_PRIVILEGED_SENDER_IDS: "${bad}" is not the unique id of an IAM role or user`);
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
