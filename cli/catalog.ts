import { existsSync } from "node:fs";
import { join } from "node:path";

/** What the report needs of one rule of the pack's catalog (policies/catalog.ts). */
export interface CatalogRule {
  readonly policy: string;
  /** The AWS Config managed rule identifier the policy enforces (S3_BUCKET_VERSIONING_ENABLED). */
  readonly configRuleId?: string;
  readonly severity?: string;
  readonly description?: string;
  readonly remediation?: string;
  readonly cdkNagId?: string;
  /** The controls of the frameworks auditors use that the policy judges (FSBP, CIS v3, NIST 800-53 r5, PCI DSS v4). */
  readonly controls?: Controls;
  /** The resource types the policy judges (a report's Compliant rows are these resources with no finding). */
  readonly resourceTypes?: readonly string[];
}

export const FRAMEWORK_NAMES = ["fsbp", "cis", "nist", "pci"] as const;
export type FrameworkName = (typeof FRAMEWORK_NAMES)[number];
/**
 * Control ids per framework. `cis`, `nist` and `pci` are the requirements AWS publishes for the FSBP controls;
 * `derived` the third-party ones standing in where AWS's mapping could not be obtained.
 */
export type Controls = Readonly<Record<FrameworkName, readonly string[]>> & {
  readonly derived?: Readonly<Partial<Record<FrameworkName, readonly string[]>>>;
};

/** Whether a policy with these controls judges a control of the framework (AWS-published, or derived in its place). */
export function mapsToFramework(controls: Controls | undefined, framework: FrameworkName): boolean {
  return (controls?.[framework].length ?? 0) > 0 || (controls?.derived?.[framework]?.length ?? 0) > 0;
}

/** "FSBP ECS.4; CIS v3 3.6; …" for one-line formats (derived ids marked); empty when the policy maps to no framework. */
export function controlsText(controls: Controls | undefined): string {
  const label = { fsbp: "FSBP", cis: "CIS v3", nist: "NIST 800-53 r5", pci: "PCI DSS v4" } as const;
  return FRAMEWORK_NAMES.filter((f) => mapsToFramework(controls, f))
    .map((f) => {
      const derived = controls!.derived?.[f] ?? [];
      return `${label[f]} ${[...controls![f], ...(derived.length > 0 ? [`${derived.join(", ")} (derived)`] : [])].join(", ")}`;
    })
    .join("; ");
}

const first = (entry: Record<string, unknown>, keys: readonly string[]): string | undefined => {
  for (const k of keys) if (typeof entry[k] === "string" && entry[k] !== "") return entry[k] as string;
  return undefined;
};

/** Reads one catalog entry, whatever the exact field names of the catalog module (it is owned by the pack). */
export function toCatalogRule(entry: Record<string, unknown>, key?: string): CatalogRule | undefined {
  const policy = first(entry, ["id", "policy", "policyName", "name"]) ?? key;
  if (!policy) return undefined;
  const configRuleId = first(entry, ["awsConfigIdentifier", "configRuleIdentifier", "configRuleId", "configRule", "awsConfigRule", "sourceIdentifier"]);
  return {
    policy,
    ...(configRuleId ? { configRuleId } : {}),
    ...optional("severity", first(entry, ["severity"])),
    ...optional("description", first(entry, ["description", "title"])),
    ...optional("remediation", first(entry, ["remediation", "remediationSteps"])),
    ...optional("cdkNagId", first(entry, ["cdkNagId", "cdkNag", "cdkNagRule"])),
    ...(Array.isArray(entry.resourceTypes) ? { resourceTypes: entry.resourceTypes.filter((t): t is string => typeof t === "string") } : {}),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/**
 * The catalog of a pack directory (its `catalog` module), by policy name. A pack without one (a user's own pack) gives
 * an empty map: findings are then reported without Config rule ids.
 */
export function loadCatalog(packDir: string): Map<string, CatalogRule> {
  const rules = new Map<string, CatalogRule>();
  const candidates = ["catalog.js", "catalog.ts"].map((f) => join(packDir, f)).filter(existsSync);
  if (candidates.length === 0) return rules;
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
    mod = require(candidates[0]) as Record<string, unknown>;
  } catch {
    // A TypeScript catalog cannot be loaded by the compiled CLI outside tsx: report without it.
    return rules;
  }
  for (const value of Object.values(mod)) {
    const entries: Array<[string | undefined, unknown]> = Array.isArray(value)
      ? value.map((v) => [undefined, v])
      : value && typeof value === "object"
        ? Object.entries(value)
        : [];
    for (const [key, entry] of entries) {
      if (!entry || typeof entry !== "object" || Array.isArray(entry)) continue;
      const rule = toCatalogRule(entry as Record<string, unknown>, key);
      if (!rule || rules.has(rule.policy) || !(rule.configRuleId || Array.isArray((entry as { fsbp?: unknown }).fsbp))) continue;
      // The pack's catalog maps its FSBP controls to the other frameworks (policies/catalog.ts `controlsOf`).
      const controls = typeof mod.controlsOf === "function" ? (mod.controlsOf as (e: unknown) => Controls)(entry) : undefined;
      rules.set(rule.policy, controls ? { ...rule, controls } : rule);
    }
  }
  return rules;
}
