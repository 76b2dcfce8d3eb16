import { boolean, ConfigurationError, integer, json, list, optionalString, requiredString } from "../../shared/runtime/env";
import { addressPolicy, type AddressPolicy } from "./block-request";
import type { BlockDefaults } from "./block-store";
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
}

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
  };
}

function parseIpSets(value: unknown): IpSetRef[] {
  if (!Array.isArray(value)) throw new Error("must be a JSON array");
  return value.map((v, i) => {
    const ok = v && typeof v.name === "string" && typeof v.id === "string" && (v.scope === "REGIONAL" || v.scope === "CLOUDFRONT") && (v.version === 4 || v.version === 6);
    if (!ok) throw new Error(`entry ${i} must be {name, id, scope: REGIONAL|CLOUDFRONT, version: 4|6}`);
    return { name: v.name, id: v.id, scope: v.scope, version: v.version };
  });
}

function parseMinutes(value: unknown): Record<string, number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("must be a JSON object of source → minutes");
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new Error(`minutes of ${k} must be a positive integer`);
    out[k] = v;
  }
  return out;
}
