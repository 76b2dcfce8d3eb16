import { KamaeTags } from "../../shared/runtime/tags";
import { ConfigurationError, integer, oneOf, optionalString, requiredString } from "../../shared/runtime/env";
import { MAX_SESSION_NUMBER, type FeedSettings } from "./model";

type Env = Record<string, string | undefined>;

export const TARGET_ID = /^tmt-[0-9a-f]{8,17}$/;
export const FILTER_ID = /^tmf-[0-9a-f]{8,17}$/;
/** VXLAN network identifiers are 24 bits. */
export const MAX_VIRTUAL_NETWORK_ID = 16_777_215;
/** Largest packet length the feed accepts (the MTU a Gateway Load Balancer endpoint target takes). */
export const MAX_PACKET_LENGTH = 8500;

function optionalInteger(name: string, min: number, max: number, env: Env): number | undefined {
  if (optionalString(name, env) === undefined) return undefined;
  return integer(name, 0, { min, max }, env);
}

/** The function's settings (each documented in the README), checked once at cold start. */
export function feedSettingsFromEnv(env: Env = process.env): FeedSettings {
  const targetId = requiredString("KAMAE_TARGET_ID", env);
  const filterId = requiredString("KAMAE_FILTER_ID", env);
  if (!TARGET_ID.test(targetId)) throw new ConfigurationError(`KAMAE_TARGET_ID "${targetId}" is not a traffic mirror target id (tmt-…)`);
  if (!FILTER_ID.test(filterId)) throw new ConfigurationError(`KAMAE_FILTER_ID "${filterId}" is not a traffic mirror filter id (tmf-…)`);
  const feedName = requiredString("KAMAE_FEED_NAME", env);
  if (!/^[A-Za-z0-9_.:/=+@-]{1,128}$/.test(feedName)) throw new ConfigurationError(`KAMAE_FEED_NAME "${feedName}" is not usable as a tag value`);
  return {
    feedName,
    targetId,
    filterId,
    sessionNumber: integer("KAMAE_SESSION_NUMBER", 1, { min: 1, max: MAX_SESSION_NUMBER }, env),
    virtualNetworkId: optionalInteger("KAMAE_VIRTUAL_NETWORK_ID", 0, MAX_VIRTUAL_NETWORK_ID, env),
    packetLength: optionalInteger("KAMAE_PACKET_LENGTH", 1, MAX_PACKET_LENGTH, env),
    tagKey: optionalString("KAMAE_TAG_KEY", env) ?? KamaeTags.trafficMirror,
    tagValue: optionalString("KAMAE_TAG_VALUE", env) ?? "true",
    mode: oneOf("KAMAE_MODE", ["enforce", "detect"] as const, "detect", env),
    maxActions: integer("KAMAE_MAX_ACTIONS", 100, { min: 1, max: 1000 }, env),
  };
}
