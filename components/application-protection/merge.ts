import { KamaeTags } from "../shared/runtime/tags";
import { Validator } from "../shared/validation";

const check: Validator = new Validator("applicationProtection");

/** The pure parts of applicationProtection: which functions it selects and how layers and settings are merged. */

/** The resource type the transform changes. */
export const LAMBDA_FUNCTION_TYPE = "aws:lambda/function:Function";
/** Lambda's limit on layers per function. */
export const MAX_LAYERS = 5;

/** Kamae's own responders: security automation, left alone unless asked (they run Kamae's runtime, not the app's). */
export const KAMAE_RESPONDER_TYPE = "kamae:shared:ResponderFunction";

/** The type of the resource a URN names (the last element of its type chain). */
export function urnType(urn: string): string | undefined {
  return urn.split("::")[2]?.split("$").pop();
}

/** True when a URN's type chain passes through a Kamae responder (the function is a child of one). */
export function isUnderKamaeResponder(urn: string): boolean {
  return (urn.split("::")[2] ?? "").split("$").slice(0, -1).includes(KAMAE_RESPONDER_TYPE);
}

/** A name pattern as a regular expression: `*` any run of characters, `?` one character, everything else literal. */
export function namePatternToRegExp(pattern: string): RegExp {
  if (typeof pattern !== "string" || pattern === "") check.fail("a name pattern is empty");
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/** Which functions get the layer. */
export interface Selection {
  readonly tagFilter: Record<string, string>;
  readonly names: readonly RegExp[];
  readonly optOutTagKey: string;
}

/** Whether a function (its resource name and tags) gets the layer: not opted out, and matching every given filter. */
export function selects(settings: Selection, name: string, tags: Record<string, string> | undefined): boolean {
  const t = tags ?? {};
  if (t[settings.optOutTagKey] === "true") return false;
  if (!Object.entries(settings.tagFilter).every(([k, v]) => t[k] === v)) return false;
  return settings.names.length === 0 || settings.names.some((re) => re.test(name));
}

/** The layer ARN without its version, so a newer version of the same layer replaces the old one instead of stacking. */
function unversioned(arn: string): string {
  return arn.replace(/:\d+$/, "");
}

/** The function's layers with the protection layer added (kept in the function's order, the protection layer last). */
export function mergeLayers(own: readonly string[] | undefined, layerArn: string, functionName: string): string[] {
  const mine = [...(own ?? [])];
  if (mine.includes(layerArn)) return mine;
  const others = mine.filter((l) => unversioned(l) !== unversioned(layerArn));
  if (others.length >= MAX_LAYERS) {
    check.fail(`function "${functionName}" already has ${others.length} layers; Lambda allows ${MAX_LAYERS}, so the protection layer cannot be added (opt it out with the ${KamaeTags.protectionOptOut} tag or remove a layer)`);
  }
  return [...others, layerArn];
}

/** The function's environment with the protection settings added where the function has not set the variable itself. */
export function mergeEnvironment(own: Record<string, string> | undefined, protection: Record<string, string>): Record<string, string> {
  return { ...protection, ...(own ?? {}) };
}

