import { KamaeTags } from "../shared/runtime/tags";
import { DEFAULT_LAYER_NAME_PATTERN } from "./layer-name";
import { isUnderKamaeResponder } from "./merge";

/** A function as the policy sees it (the same shape as the pack's resource views). */
export interface FunctionView {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, any>;
}

export interface ProtectionPolicyConfig {
  /** Regular expression a layer's name must match to count as the protection layer (default "ApplicationSecurity|app-protect"). */
  readonly layerNamePattern?: string;
  /** Exact layer ARNs (any version) that count as the protection layer; used instead of the pattern when given. */
  readonly layerArns?: readonly string[];
  /** Tag whose value "true" exempts a function (default `kamae:protection-opt-out`). */
  readonly optOutTagKey?: string;
  /** Also report Kamae's own responder functions (default false, as applicationProtection leaves them alone). */
  readonly includeKamaeResponders?: boolean;
}

const layerName = (arn: string): string | undefined => /:layer:([A-Za-z0-9_-]+)(?::\d+)?$/.exec(arn)?.[1];
const unversioned = (arn: string): string => arn.replace(/:\d+$/, "");

/**
 * Functions without the protection layer: every `aws:lambda/function:Function` whose layers include none that counts
 * as the protection layer, unless it opts out by tag. A function whose layers are not known yet (preview) is not
 * reported: the update will know.
 */
export function functionsWithoutProtection(resources: readonly FunctionView[], config: ProtectionPolicyConfig = {}): Array<{ resource: FunctionView; message: string }> {
  const optOut = config.optOutTagKey ?? KamaeTags.protectionOptOut;
  const arns = (config.layerArns ?? []).map(unversioned);
  let pattern: RegExp;
  try {
    pattern = new RegExp(config.layerNamePattern ?? DEFAULT_LAYER_NAME_PATTERN);
  } catch {
    throw new Error(`layerNamePattern "${config.layerNamePattern}" is not a valid regular expression`);
  }
  const isProtection = (arn: unknown): boolean => {
    if (typeof arn !== "string") return false;
    if (arns.length > 0) return arns.includes(unversioned(arn));
    const name = layerName(arn);
    return name !== undefined && pattern.test(name);
  };
  const out: Array<{ resource: FunctionView; message: string }> = [];
  for (const resource of resources) {
    if (resource.type !== "aws:lambda/function:Function") continue;
    if (!config.includeKamaeResponders && isUnderKamaeResponder(resource.urn)) continue;
    const tags = resource.props.tags;
    if (tags && typeof tags === "object" && tags[optOut] === "true") continue;
    const layers = resource.props.layers;
    if (layers !== undefined && !Array.isArray(layers)) continue; // not known yet
    if ((layers ?? []).some(isProtection)) continue;
    out.push({
      resource,
      message: `Lambda function "${resource.name}" has no application protection layer (layers: ${(layers ?? []).length === 0 ? "none" : (layers as string[]).join(", ")}); add it with applicationProtection() or tag the function ${optOut}=true with a reason`,
    });
  }
  return out;
}
