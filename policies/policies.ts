/**
 * Kamae's CrossGuard policies, generated from the catalog (`kamae/policies`). This module only builds the policy
 * objects: the pack (`index.ts`) serves them. Importing it has no side effects, so other packs can compose them:
 * `new PolicyPack("mine", { policies: [...policies, ...myOwn] })`.
 */
import { PolicyResource, ReportViolation, ResourceValidationPolicy, StackValidationPolicy, UnknownValueError } from "@pulumi/policy";
import { functionsWithoutProtection } from "../components/application-protection/policy";
import { ACCOUNT_LEVEL_TYPES, CatalogEntry, catalog, controlsOf, enforcementLevelOf, isAccountLevel, KAMAE_WIRING, parameterValues, POLICY_SETTINGS, previewEntries } from "./catalog";
import { ResourceView, Rule, StackViolation, UNKNOWN } from "./model";
import { CANNOT_JUDGE_PREFIX, cannotJudgeSchema, DEFAULT_CANNOT_JUDGE_LEVEL, isCannotJudge } from "./preview";
import { rules } from "./rules";
import { ConfigSuppression, suppressedMessage, suppressionFor, suppressionsSchema } from "./suppressions";

export type KamaePolicy = ResourceValidationPolicy | StackValidationPolicy;

/**
 * A deep plain copy of the engine's properties with unknown values (which the pack's proxy throws on) replaced by
 * `UNKNOWN`, so rules can decide that an unknown value is not a violation instead of failing the whole policy.
 */
export function plainProperties(value: any, depth = 0): any {
  if (value === null || typeof value !== "object" || depth > 64) return value;
  const out: any = Array.isArray(value) ? [] : {};
  for (const key of Object.keys(value)) {
    try {
      out[key] = plainProperties(value[key], depth + 1);
    } catch (e) {
      if (!(e instanceof UnknownValueError)) throw e;
      out[key] = UNKNOWN;
    }
  }
  return out;
}

function lazyView(base: Omit<ResourceView, "props">, props: () => Record<string, any>): ResourceView {
  let cached: Record<string, any> | undefined;
  return Object.defineProperty({ ...base }, "props", { enumerable: true, get: () => (cached ??= props()) }) as ResourceView;
}

function stackViews(resources: readonly PolicyResource[]): ResourceView[] {
  return resources.map((r) =>
    lazyView(
      {
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...(r.parent ? { parent: r.parent.urn } : r.opts?.parent ? { parent: r.opts.parent } : {}),
        dependencies: r.dependencies.map((d) => d.urn),
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [k, v.map((d) => d.urn)])),
      },
      () => plainProperties(r.props),
    ),
  );
}

/**
 * Reports violations, as suppressed advisories when a valid suppression covers them (see suppressions.ts; the message
 * keeps the level the violation had), and cannot-judge verdicts at the policy's `cannotJudge` level (see preview.ts).
 */
function reporter(entry: CatalogEntry, report: ReportViolation, config: Record<string, any>) {
  const configured = config.suppressions as ConfigSuppression[] | undefined;
  const cannotJudgeLevel = config.cannotJudge ?? DEFAULT_CANNOT_JUDGE_LEVEL;
  const level: string = config.enforcementLevel ?? enforcementLevelOf(entry);
  // The object form sets the message and level as given (the string form prefixes the description).
  const reportAs = report as unknown as (v: object) => void;
  return (resource: ResourceView | undefined, message: string, urn?: string, undetermined = false) => {
    if (undetermined && cannotJudgeLevel === "disabled") return;
    const text = undetermined ? `${CANNOT_JUDGE_PREFIX} ${message}` : message;
    const verdict = suppressionFor(entry.id, resource, configured);
    if (verdict.suppressed) {
      reportAs({ message: suppressedMessage(undetermined ? cannotJudgeLevel : level, verdict.reason, text), enforcementLevel: "advisory", ...(urn ? { urn } : {}) });
    } else if (undetermined) {
      reportAs({ message: text, enforcementLevel: cannotJudgeLevel, ...(urn ? { urn } : {}) });
    } else {
      report(verdict.note ? `${message} (${verdict.note})` : message, urn);
    }
  };
}

function configSchema(entry: CatalogEntry) {
  return { properties: { ...(entry.parameters ?? {}), suppressions: suppressionsSchema, cannotJudge: cannotJudgeSchema } as any };
}

function common(entry: CatalogEntry) {
  const controls = controlsOf(entry);
  return {
    name: entry.id,
    description: entry.description,
    enforcementLevel: enforcementLevelOf(entry),
    severity: entry.severity,
    remediationSteps: entry.remediation,
    ...(entry.awsConfigIdentifier ? { url: `https://docs.aws.amazon.com/config/latest/developerguide/${entry.id}.html` } : {}),
    // The engine reports tags and framework with every finding: the control ids of each framework travel with it.
    tags: [
      entry.awsConfigIdentifier ? `aws-config:${entry.awsConfigIdentifier}` : "kamae",
      ...(entry.cdkNag ? [`cdk-nag:${entry.cdkNag}`] : []),
      ...controls.fsbp.map((id) => `fsbp:${id}`),
      ...controls.cis.map((id) => `cis-v3:${id}`),
      ...controls.nist.map((id) => `nist-800-53-r5:${id}`),
      ...controls.pci.map((id) => `pci-dss-v4:${id}`),
      // Third-party mappings stand in where AWS's could not be obtained; their tags say so.
      ...controls.derived.cis.map((id) => `cis-v3-derived:${id}`),
      ...controls.derived.nist.map((id) => `nist-800-53-r5-derived:${id}`),
      ...controls.derived.pci.map((id) => `pci-dss-v4-derived:${id}`),
    ],
    ...(controls.fsbp.length > 0
      ? { framework: { name: "AWS Foundational Security Best Practices", version: "1.0.0", reference: controls.fsbp.join(","), specification: "https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html" } }
      : {}),
    configSchema: configSchema(entry),
  };
}

/**
 * Whether a stack policy applies to this stack: account-level settings are judged in stacks that declare
 * account-level resources (or everywhere with `requiredInEveryStack`, or `required` where a rule reports the setting's
 * absence only on demand), Kamae's wiring checks in stacks that use a
 * Kamae component. A workload stack is then not failed for settings another stack owns.
 */
export function inScope(entry: CatalogEntry, resources: readonly { type: string; urn?: string }[], config: Record<string, any>): boolean {
  if (isAccountLevel(entry) && config.requiredInEveryStack !== true && config.required !== true && !resources.some((r) => ACCOUNT_LEVEL_TYPES.has(r.type))) return false;
  if (KAMAE_WIRING.has(entry.id) && !usesKamae(entry, resources, config)) return false;
  return true;
}

/**
 * A stack uses Kamae when it declares a Kamae component (as a resource or as a parent in a URN) or configures the
 * wiring check itself. applicationProtection is a transform, not a component: a stack where some function already
 * carries the protection layer or its opt-out tag uses it.
 */
function usesKamae(entry: CatalogEntry, resources: readonly { type: string; urn?: string; props?: any }[], config: Record<string, any>): boolean {
  if (resources.some((r) => r.type.startsWith("kamae:") || (r.urn ?? "").includes("kamae:index:"))) return true;
  if (Object.keys(config).some((k) => !POLICY_SETTINGS.has(k) && config[k] !== undefined && JSON.stringify(config[k]) !== JSON.stringify(((entry.parameters ?? {})[k] as { default?: unknown } | undefined)?.default))) return true;
  if (entry.id === "lambda-functions-have-application-protection") {
    const functions = resources.filter((r) => r.type === "aws:lambda/function:Function");
    try {
      return functions.length > 0 && functionsWithoutProtection(functions as any, config).length < functions.length;
    } catch {
      return false; // layers unknown at preview: nothing shows the transform in use
    }
  }
  return false;
}

/** The CrossGuard policy for one catalog entry and its rule. */
export function toPolicy(entry: CatalogEntry, rule: Rule): KamaePolicy {
  if (rule.kind === "resource") {
    const types = new Set(entry.resourceTypes);
    return {
      ...common(entry),
      validateResource: (args, report) => {
        const config = { ...args.getConfig<Record<string, any>>() };
        // Before the type check, so a misspelled config key fails the first resource analyzed, whatever its type.
        const params = parameterValues(entry, config);
        if (!types.has(args.type)) return;
        const view: ResourceView = {
          urn: args.urn,
          type: args.type,
          name: args.name,
          props: plainProperties(args.props),
          ...(args.opts?.parent ? { parent: args.opts.parent } : {}),
        };
        const emit = reporter(entry, report, config);
        for (const f of rule.check(view, params)) {
          if (isCannotJudge(f)) emit(view, f.cannotJudge, undefined, true);
          else emit(view, f);
        }
      },
    };
  }
  return {
    ...common(entry),
    validateStack: (args, report) => {
      const config = { ...args.getConfig<Record<string, any>>() };
      const params = parameterValues(entry, config);
      // Said, not silent: reports then tell a policy that did not apply from one that passed.
      if (!inScope(entry, args.resources, config)) args.notApplicable(isAccountLevel(entry) ? "an account-level setting, and the stack declares no account-level resource" : "the stack uses no Kamae component");
      const emit = reporter(entry, report, config);
      const found: StackViolation[] = rule.check(stackViews(args.resources), params);
      for (const v of found) emit(v.resource, v.message, v.resource?.urn, v.cannotJudge === true);
    },
  };
}

const byId = new Map(rules.map((r) => [r.id, r]));

/** Every Kamae policy, in catalog order. */
export const policies: KamaePolicy[] = previewEntries.map((entry) => {
  const rule = byId.get(entry.id);
  if (!rule) throw new Error(`catalog entry ${entry.id} has no rule in policies/rules`);
  return toPolicy(entry, rule);
});

/** Policies by severity or id subset, for packs that compose only part of Kamae's. */
export function selectPolicies(filter: (entry: CatalogEntry) => boolean): KamaePolicy[] {
  const wanted = new Set(catalog.filter(filter).map((e) => e.id));
  return policies.filter((p) => wanted.has(p.name));
}

export { catalog, awsConfigRules, controlsOf, defaultEnforcementLevel, enforcementLevelOf } from "./catalog";
export type { CatalogEntry, AwsConfigRuleSpec, Severity } from "./catalog";
