import { ACCOUNT_ID, FieldReader, field, isObject, REGION } from "./fields";
import { fail, guarded, ok, type ParseResult } from "./result";

/** The EventBridge envelope, with `detail` still unparsed (each source's parser reads it). */
export interface EventBridgeEnvelope<D = unknown> {
  id: string;
  source: string;
  detailType: string;
  account: string;
  region: string;
  time: string;
  resources: string[];
  detail: D;
}

export function parseEventBridgeEnvelope(event: unknown): ParseResult<EventBridgeEnvelope> {
  return guarded("EventBridge event", () => {
    if (!isObject(event)) return fail("not an EventBridge event: not an object");
    const r = new FieldReader(event);
    const id = r.requiredText("id");
    const source = r.requiredText("source");
    const detailType = r.requiredText("detail-type");
    const account = r.matching("account", ACCOUNT_ID, "a 12-digit account id", true);
    const region = r.matching("region", REGION, "an AWS Region", true);
    const time = r.timestamp("time");
    if (time === undefined) r.error("time is missing or not a timestamp");
    const rawResources = field(event, "resources");
    const resources: string[] = [];
    if (rawResources !== undefined && rawResources !== null) {
      if (!Array.isArray(rawResources) || !rawResources.every((x) => typeof x === "string")) r.error("resources is not a list of strings");
      else resources.push(...(rawResources as string[]));
    }
    const detail = field(event, "detail");
    if (!isObject(detail)) r.error("detail is missing or not an object");
    if (r.errors.length > 0) return fail(`not an EventBridge event: ${r.errors.join("; ")}`);
    return ok({ id: id!, source: source!, detailType: detailType!, account: account!, region: region!, time: time!, resources, detail });
  });
}

/** The envelope, checked to come from the given source and detail-type. */
export function parseEventBridgeEventOf(event: unknown, source: string, detailType: string): ParseResult<EventBridgeEnvelope> {
  const envelope = parseEventBridgeEnvelope(event);
  if (!envelope.ok) return envelope;
  if (envelope.value.source !== source || envelope.value.detailType !== detailType) {
    return fail(`expected "${detailType}" from ${source}, got "${envelope.value.detailType.slice(0, 80)}" from ${envelope.value.source.slice(0, 80)}`);
  }
  return envelope;
}
