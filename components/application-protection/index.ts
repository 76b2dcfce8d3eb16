import * as pulumi from "@pulumi/pulumi";
import { KamaeTags } from "../shared/runtime/tags";

import { KAMAE_RESPONDER_TYPE, LAMBDA_FUNCTION_TYPE, mergeEnvironment, mergeLayers, namePatternToRegExp, selects, urnType } from "./merge";
import { Validator } from "../shared/validation";

const check: Validator = new Validator("applicationProtection");

export interface ApplicationProtectionArgs {
  /** ARN (with version) of the vendor's protection layer for the functions' runtime. */
  readonly layerArn: pulumi.Input<string>;
  /** The layer's settings (e.g. `AWS_LAMBDA_EXEC_WRAPPER`, the group key and secret); a function's own values win. */
  readonly environment?: Record<string, pulumi.Input<string>>;
  /** Only functions carrying all these tags (key → value). */
  readonly tagFilter?: Record<string, string>;
  /** Only functions whose Pulumi resource name matches one of these patterns (`*` any run of characters, `?` one). */
  readonly namePatterns?: string[];
  /** Tag whose value "true" makes a function opt out (default `kamae:protection-opt-out`). */
  readonly optOutTagKey?: string;
  /** Also protect Kamae's own responder functions (default false). */
  readonly includeKamaeResponders?: boolean;
}

interface Settings {
  readonly layerArn: pulumi.Input<string>;
  readonly environment: Record<string, pulumi.Input<string>>;
  readonly tagFilter: Record<string, string>;
  readonly names: RegExp[];
  readonly optOutTagKey: string;
  readonly includeKamaeResponders: boolean;
}

const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Variables Lambda reserves; setting them fails the deployment, so it fails here first. */
const RESERVED_ENV = new Set(["_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR"]);

function settingsOf(args: ApplicationProtectionArgs): Settings {
  if (!args || args.layerArn === undefined || args.layerArn === "") check.fail("layerArn is required");
  if (typeof args.layerArn === "string" && !/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]{1,140}:\d+$/.test(args.layerArn)) {
    check.fail(`layerArn "${args.layerArn}" must be a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>)`);
  }
  for (const key of Object.keys(args.environment ?? {})) {
    if (!ENV_NAME.test(key)) check.fail(`environment variable name "${key}" must start with a letter and hold letters, digits and _`);
    if (RESERVED_ENV.has(key)) check.fail(`environment variable "${key}" is reserved by Lambda`);
  }
  for (const [key, value] of Object.entries(args.tagFilter ?? {})) {
    if (key.trim() === "") check.fail("a tagFilter key is empty");
    if (typeof value !== "string") check.fail(`tagFilter "${key}" must be a string value`);
  }
  const optOutTagKey = args.optOutTagKey ?? KamaeTags.protectionOptOut;
  if (optOutTagKey.trim() === "") check.fail("optOutTagKey is empty");
  return {
    layerArn: args.layerArn,
    environment: { ...(args.environment ?? {}) },
    tagFilter: { ...(args.tagFilter ?? {}) },
    names: (args.namePatterns ?? []).map(namePatternToRegExp),
    optOutTagKey,
    includeKamaeResponders: args.includeKamaeResponders ?? false,
  };
}

/** The type of a resource's parent: a component in this program, or (engine callbacks) a reference holding its URN. */
async function parentType(parent: pulumi.Resource | undefined): Promise<string | undefined> {
  if (!parent) return undefined;
  const own = (parent as { __pulumiType?: unknown }).__pulumiType;
  if (typeof own === "string" && own !== "") return own;
  const urn = await new Promise<string>((resolve) => parent.urn.apply((u) => resolve(u)));
  return urnType(urn);
}

/** True when nothing in the value is an Output or a Promise (so it can be merged synchronously, keeping plain props plain). */
function isPlain(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  if (value && typeof value === "object") return Object.values(value).every(isPlain);
  return true;
}

/**
 * The transform: for every `aws.lambda.Function` the settings select, the protection layer is added to its layers and
 * the protection settings to its environment, without replacing the function's own layers or variables. Functions
 * that opt out (tag `kamae:protection-opt-out` = "true") or do not match the filters are returned unchanged.
 */
export function applicationProtectionTransform(args: ApplicationProtectionArgs): pulumi.ResourceTransform {
  const settings = settingsOf(args);
  return async (resource) => {
    if (resource.type !== LAMBDA_FUNCTION_TYPE) return undefined;
    if (!settings.includeKamaeResponders && (await parentType(resource.opts.parent)) === KAMAE_RESPONDER_TYPE) return undefined;
    const props = resource.props as Record<string, any>;
    const inputs = { tags: props.tags, layers: props.layers, environment: props.environment, layerArn: settings.layerArn, protection: settings.environment };
    const merge = (v: { tags: any; layers: any; environment: any; layerArn: string; protection: Record<string, string> }) => {
      if (!selects(settings, resource.name, v.tags)) return { layers: v.layers, environment: v.environment, changed: false };
      return {
        layers: mergeLayers(v.layers, v.layerArn, resource.name),
        environment: { ...(v.environment ?? {}), variables: mergeEnvironment(v.environment?.variables, v.protection) },
        changed: true,
      };
    };
    if (isPlain(inputs)) {
      const merged = merge(inputs as any);
      if (!merged.changed) return undefined;
      return { props: { ...props, layers: merged.layers, environment: merged.environment }, opts: resource.opts };
    }
    // Some value is an output (a secret setting, a layer ARN from config, tags of another resource): merge when known.
    const merged = pulumi.output(inputs).apply((v) => merge(v as any));
    return {
      props: { ...props, layers: merged.apply((m) => m.layers), environment: merged.apply((m) => m.environment) },
      opts: resource.opts,
    };
  };
}

/**
 * Registers the transform for every resource created after this call in the stack: call it at the top of the
 * program, before the functions are declared.
 */
export function applicationProtection(args: ApplicationProtectionArgs): void {
  pulumi.runtime.registerResourceTransform(applicationProtectionTransform(args));
}
