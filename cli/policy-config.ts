import { existsSync, readFileSync } from "node:fs";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import type { PolicyInfo, PolicyPackConfig } from "./analyzer-client";

/**
 * The policy pack config file (`--policy-config`, what `pulumi preview --policy-pack-config` takes) and its validation
 * against each policy's `configSchema`, as the engine validates it, plus what the engine does not check: a key no
 * policy takes (a misspelling would leave the default in force) and a policy name the pack does not know.
 */

export const LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export const FAIL_ON = ["mandatory", "advisory", "none"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What makes `kamae check` fail, from its flags or the config file's `kamae-check` entry. */
export interface CheckSettings {
  /** The lowest level of unsuppressed violation that fails the check (`none`: never). */
  readonly failOn?: FailOn;
  /** Fail when some resources could not be checked (components the run could not expand). */
  readonly failOnUnchecked?: boolean;
}

/**
 * The config file's key for `kamae check`'s own settings. The engine passes a name that is no policy's to the pack
 * unvalidated, so the same file serves `pulumi preview --policy-pack-config`.
 */
export const CHECK_SETTINGS_KEY = "kamae-check";

const CHECK_SETTINGS_SCHEMA = {
  type: "object",
  properties: { failOn: { type: "string", enum: [...FAIL_ON] }, failOnUnchecked: { type: "boolean" } },
  additionalProperties: false,
};

/** Reads the config file; a missing file or one that is not a JSON object is an error naming it and what to do. */
export function readPolicyConfigFile(file: string): { pack: PolicyPackConfig; check: CheckSettings } {
  if (!existsSync(file)) {
    throw new Error(`policy config ${file} does not exist: create it (a JSON object such as {"all": "mandatory"}) or leave out --policy-config`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`policy config ${file} is not valid JSON (${(e as Error).message}): fix it; the format is {"all": "<level>", "<policy>": "<level>" | {"enforcementLevel": "<level>", ...settings}}`, { cause: e });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`policy config ${file} must hold a JSON object keyed by policy name, not ${Array.isArray(parsed) ? "an array" : JSON.stringify(parsed)}`);
  }
  const { [CHECK_SETTINGS_KEY]: check, ...pack } = parsed as Record<string, unknown>;
  if (check !== undefined) {
    const validate = new Ajv({ allErrors: true }).compile(CHECK_SETTINGS_SCHEMA);
    if (!validate(check)) {
      const problems = (validate.errors ?? []).map((e) => describe(CHECK_SETTINGS_KEY, e, Object.keys(CHECK_SETTINGS_SCHEMA.properties)));
      throw new Error(`policy config ${file}: fix or remove these entries:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
  }
  return { pack, check: (check ?? {}) as CheckSettings };
}

/**
 * Every problem of `config` for these policies, each naming the policy and the key: unknown policy names, enforcement
 * levels that are none, keys a policy does not take, values its `configSchema` refuses. The properties validated are
 * those the engine would send (schema defaults, `propertyDefaults`, then the user's values), as the engine validates.
 */
export function policyConfigErrors(config: PolicyPackConfig, policies: readonly PolicyInfo[], propertyDefaults: Record<string, unknown> = {}): string[] {
  const errors: string[] = [];
  const known = new Map(policies.map((p) => [p.name, p]));
  const isLevel = (v: unknown) => typeof v === "string" && (LEVELS as readonly string[]).includes(v);
  for (const [name, entry] of Object.entries(config)) {
    if (name === "all") {
      if (!isLevel(entry)) errors.push(`"all": must be an enforcement level (${LEVELS.join(", ")}), got ${JSON.stringify(entry)}`);
      continue;
    }
    if (!known.has(name)) {
      errors.push(`"${name}": the pack has no such policy (kamae policies lists them)`);
      continue;
    }
    if (typeof entry === "string" || entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      if (!isLevel(entry)) errors.push(`policy "${name}": must be an enforcement level (${LEVELS.join(", ")}) or an object of settings, got ${JSON.stringify(entry)}`);
      continue;
    }
    const level = (entry as Record<string, unknown>).enforcementLevel;
    if (level !== undefined && !isLevel(level)) errors.push(`policy "${name}": key "enforcementLevel": must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(level)}`);
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  // Most policies share a schema (a pack of 229 has 16): each is compiled once.
  const validators = new Map<string, ValidateFunction>();
  for (const policy of policies) {
    const entry = config[policy.name];
    const given = entry && typeof entry === "object" && !Array.isArray(entry) ? (entry as Record<string, unknown>) : {};
    const { enforcementLevel: _level, ...props } = given;
    const keys = Object.keys(policy.configSchema?.properties ?? {});
    const schema = { type: "object", properties: policy.configSchema?.properties ?? {}, required: policy.configSchema?.required ?? [], additionalProperties: false };
    const key = JSON.stringify(schema);
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = ajv.compile(schema)));
    if (!validate({ ...schemaDefaults(policy, propertyDefaults), ...props })) errors.push(...(validate.errors ?? []).map((e) => describe(`policy "${policy.name}"`, e, keys)));
  }
  return errors;
}

/** A policy's config properties as the engine starts them: the schema's defaults, then `propertyDefaults` where the schema has the key. */
export function schemaDefaults(policy: PolicyInfo, propertyDefaults: Record<string, unknown>): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [k, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
    if (schema && typeof schema === "object" && "default" in schema) defaults[k] = schema.default;
    if (k in propertyDefaults) defaults[k] = propertyDefaults[k];
  }
  return defaults;
}

/** One schema error as a person reads it: the key (with the path inside it) and what is wrong. */
function describe(where: string, e: ErrorObject, keys: readonly string[]): string {
  if (e.keyword === "additionalProperties") {
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    return `${where}: key "${key}" is not one of its settings (${keys.length > 0 ? keys.join(", ") : "it takes none besides enforcementLevel"})`;
  }
  if (e.keyword === "required") return `${where}: key "${(e.params as { missingProperty: string }).missingProperty}" is required`;
  const [key, ...rest] = e.instancePath.split("/").slice(1);
  const allowed = e.keyword === "enum" ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")})` : "";
  return `${where}: key "${key}"${rest.length > 0 ? ` at ${rest.join(".")}` : ""}: ${e.message ?? "invalid"}${allowed}`;
}
