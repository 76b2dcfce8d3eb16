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

/** The environment variables the component sets and the function reads (each documented in the README). */
export const FeedEnv = {
  feedName: "KAMAE_FEED_NAME",
  targetId: "KAMAE_TARGET_ID",
  filterId: "KAMAE_FILTER_ID",
  sessionNumber: "KAMAE_SESSION_NUMBER",
  virtualNetworkId: "KAMAE_VIRTUAL_NETWORK_ID",
  packetLength: "KAMAE_PACKET_LENGTH",
  tagKey: "KAMAE_TAG_KEY",
  tagValue: "KAMAE_TAG_VALUE",
  mode: "KAMAE_MODE",
  maxActions: "KAMAE_MAX_ACTIONS",
  reportTopicArn: "KAMAE_REPORT_TOPIC_ARN",
} as const;

/** What an unset setting means, to the function and to the component alike. */
export const FeedDefaults = { sessionNumber: 1, tagKey: KamaeTags.trafficMirror, tagValue: "true", mode: "detect", maxActions: 100 } as const;

/** The function's settings (each documented in the README), checked once at cold start. */
export function feedSettingsFromEnv(env: Env = process.env): FeedSettings & { readonly reportTopicArn?: string } {
  const e = FeedEnv;
  const d = FeedDefaults;
  const targetId = requiredString(e.targetId, env);
  const filterId = requiredString(e.filterId, env);
  if (!TARGET_ID.test(targetId)) throw new ConfigurationError(`${e.targetId} "${targetId}" is not a traffic mirror target id (tmt-…)`);
  if (!FILTER_ID.test(filterId)) throw new ConfigurationError(`${e.filterId} "${filterId}" is not a traffic mirror filter id (tmf-…)`);
  const feedName = requiredString(e.feedName, env);
  if (!/^[A-Za-z0-9_.:/=+@-]{1,128}$/.test(feedName)) throw new ConfigurationError(`${e.feedName} "${feedName}" is not usable as a tag value`);
  return {
    feedName,
    targetId,
    filterId,
    sessionNumber: integer(e.sessionNumber, d.sessionNumber, { min: 1, max: MAX_SESSION_NUMBER }, env),
    virtualNetworkId: optionalInteger(e.virtualNetworkId, 0, MAX_VIRTUAL_NETWORK_ID, env),
    packetLength: optionalInteger(e.packetLength, 1, MAX_PACKET_LENGTH, env),
    tagKey: optionalString(e.tagKey, env) ?? d.tagKey,
    tagValue: optionalString(e.tagValue, env) ?? d.tagValue,
    mode: oneOf(e.mode, ["enforce", "detect"] as const, d.mode, env),
    maxActions: integer(e.maxActions, d.maxActions, { min: 1, max: 1000 }, env),
    reportTopicArn: optionalString(e.reportTopicArn, env),
  };
}
