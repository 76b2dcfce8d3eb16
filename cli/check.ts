import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AnalyzedResource, AnalyzerInfo, defaultPolicyPackDir, PolicyFinding, PolicyPackProcess } from "./analyzer-client";
import type { CannotJudgeLevel } from "../policies/preview";
import { CatalogRule, Controls, FrameworkName, loadCatalog, mapsToFramework } from "./catalog";
import { CheckSettings, FailOn, readPolicyConfigFile } from "./policy-config";
import { RecordedProgramResource, runProgramOffline } from "./program";

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";

/** One verdict of the pack on the program. */
export interface Finding {
  /** The policy's name in the pack (its id). */
  readonly policyId: string;
  /** The AWS Config managed rule the policy enforces, from the catalog. */
  readonly configRuleId?: string;
  /** The framework controls the policy judges, from the catalog. */
  readonly controls?: Controls;
  /** The resource judged; absent for a stack-level verdict that names no resource. */
  readonly resourceUrn?: string;
  readonly resourceName?: string;
  readonly resourceType?: string;
  /** Where the program declared the resource: a path relative to the working directory, and the line. */
  readonly location?: { readonly file: string; readonly line: number };
  /** The violation's level; a suppressed violation keeps the level it had (it does not fail the check). */
  readonly level: Level;
  readonly severity?: string;
  readonly message: string;
  readonly suppressed: boolean;
  readonly suppressionReason?: string;
  /** The pack could not judge the resource at preview (an unknown value decides it); not a violation unless configured mandatory. */
  readonly cannotJudge: boolean;
  readonly description: string;
}

export interface ReportedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly parent?: string;
}

export interface PolicyRule {
  readonly id: string;
  readonly description: string;
  /** The level the policy runs at in this check (its default, or the policy config's). */
  readonly enforcementLevel: string;
  readonly severity?: string;
  readonly configRuleId?: string;
  readonly remediation?: string;
  readonly cdkNagId?: string;
  readonly controls?: Controls;
  /** Config keys the policy takes (`managedExternally` marks an account-level setting). */
  readonly configKeys: readonly string[];
}

/** One policy's verdict on one resource (or the stack), as cdk-nag's report has one row per rule and resource. */
export interface Evaluation {
  readonly policyId: string;
  /** Absent: the stack as a whole. */
  readonly resourceUrn?: string;
  readonly compliance: "Compliant" | "Non-Compliant" | "Suppressed" | "CannotJudge";
  readonly level: Level;
  readonly finding?: Finding;
}

/** Resources of one type the run could not expand (remote components): what they hold was not checked. */
export interface UncheckedType {
  readonly type: string;
  readonly count: number;
}

/** Everything `kamae check` learned: the source of every output format. */
export interface CheckReport {
  readonly project: string;
  readonly stack: string;
  /** The program's entry file, relative to the working directory (SARIF locations point at it). */
  readonly programFile: string;
  readonly policyPack: { readonly name: string; readonly version: string };
  readonly rules: PolicyRule[];
  readonly resources: ReportedResource[];
  /** Remote components (awsx) that only their plugin can expand: answered with realistic outputs, children unknown. */
  readonly notExpanded: ReportedResource[];
  /** `notExpanded` by type, with counts. */
  readonly unchecked: UncheckedType[];
  readonly findings: Finding[];
  /** Every policy × resource it judged, compliant ones included. */
  readonly evaluations: Evaluation[];
  /** Policies that judged at least one resource (or the stack) and found nothing. */
  readonly passingPolicies: string[];
  /** What fails the check. */
  readonly failOn: FailOn;
  readonly failOnUnchecked: boolean;
  /** Invokes the mocks had no realistic answer for (they returned nothing). */
  readonly unansweredInvokes: string[];
  readonly summary: {
    /** `fail` when the check exits 1 (failsCheck). */
    readonly verdict: "pass" | "fail";
    readonly resources: number;
    readonly violations: number;
    readonly mandatory: number;
    readonly advisory: number;
    readonly suppressed: number;
    /** Suppressed violations of mandatory policies (reported, not failing). */
    readonly suppressedMandatory: number;
    /** Unsuppressed cannot-judge verdicts (not counted as violations). */
    readonly cannotJudge: number;
    /** Resources the run could not expand: their content went unchecked. */
    readonly unchecked: number;
    readonly passingPolicies: number;
  };
}

export interface CheckOptions {
  /** The policy pack directory (default: Kamae's own pack). */
  readonly policyPackDir?: string;
  /** A stack config file (Pulumi.<stack>.yaml) for the program. */
  readonly stackConfigFile?: string;
  /** A policy pack config file (JSON, as `pulumi preview --policy-pack-config` takes). */
  readonly policyConfigFile?: string;
  /** The `cannotJudge` level of every policy the config does not set it for (policies/preview.ts). */
  readonly cannotJudge?: CannotJudgeLevel;
  /** Only the policies that judge a control of this framework (from the pack's catalog). */
  readonly framework?: FrameworkName;
  /** What fails the check; overrides the policy config file's `kamae-check` entry (default: mandatory, unchecked allowed). */
  readonly failOn?: FailOn;
  readonly failOnUnchecked?: boolean;
}

const ROOT_STACK = "pulumi:pulumi:Stack";
/** Analyze calls in flight at once: the pack answers them concurrently, so a large program is not one round trip per resource. */
const ANALYZE_CONCURRENCY = 16;

const RANK: Record<string, number> = { advisory: 1, mandatory: 2, remediate: 2 };

/**
 * True when `kamae check` exits 1: an unsuppressed finding at or above the `failOn` level (a cannot-judge verdict counts
 * at the level the policy reports it), or, with `failOnUnchecked`, resources the run could not expand.
 */
export function failsCheck(report: Pick<CheckReport, "findings" | "failOn" | "failOnUnchecked" | "unchecked">): boolean {
  if (report.failOnUnchecked && report.unchecked.length > 0) return true;
  if (report.failOn === "none") return false;
  const threshold = RANK[report.failOn];
  return report.findings.some((f) => !f.suppressed && (RANK[f.level] ?? 0) >= threshold);
}

/** Runs the program offline, then evaluates the pack over what it registered, as `pulumi preview --policy-pack` would. */
export async function checkProgram(programDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const policyConfig = options.policyConfigFile ? readPolicyConfigFile(options.policyConfigFile) : undefined;
  const settings: CheckSettings = { ...policyConfig?.check, ...(options.failOn ? { failOn: options.failOn } : {}), ...(options.failOnUnchecked !== undefined ? { failOnUnchecked: options.failOnUnchecked } : {}) };
  const packDir = resolve(options.policyPackDir ?? defaultPolicyPackDir());
  // The pack starts while the program runs: both are processes of their own.
  const starting = PolicyPackProcess.start(packDir, {
    config: policyConfig?.pack,
    ...(options.policyConfigFile ? { configFile: options.policyConfigFile } : {}),
    propertyDefaults: options.cannotJudge ? { cannotJudge: options.cannotJudge } : {},
  });
  // Handled when awaited below; marked handled now so a pack that fails before the program ends is no crash.
  starting.catch(() => undefined);
  let program: Awaited<ReturnType<typeof runProgramOffline>>;
  try {
    program = await runProgramOffline(programDir, { configFile: options.stackConfigFile });
  } catch (e) {
    await starting.then((p) => p.close(), () => undefined);
    throw e;
  }
  const pack = await starting;
  const catalog = loadCatalog(packDir);
  // As in a preview: read-only lookups are not analyzed.
  const analyzed = program.resources.filter((r) => r.type !== ROOT_STACK && !r.read).map(toAnalyzed);
  let raw: PolicyFinding[];
  let info: AnalyzerInfo;
  // What the pack said does not apply: `<policy> <urn>` for a resource, the policy's name for the stack.
  const notApplicable = new Set<string>();
  const levels = new Map<string, Level>();
  try {
    info = await pack.info();
    raw = [...(await analyzeAll(pack, analyzed, notApplicable)), ...(await pack.analyzeStack(analyzed, (p) => notApplicable.add(p)))];
    for (const p of info.policies) levels.set(p.name, pack.levelOf(p.name) ?? (p.enforcementLevel as Level));
  } finally {
    await pack.close();
  }
  const byUrn = new Map(program.resources.map((r) => [r.urn, r]));
  const order = new Map(program.resources.map((r, i) => [r.urn, i]));
  const inFramework = (policy: string) => !options.framework || mapsToFramework(catalog.get(policy)?.controls, options.framework);
  const findings = raw
    .filter((f) => inFramework(f.policyName))
    .map((f) => toFinding(f, catalog.get(f.policyName), f.urn ? byUrn.get(f.urn) : undefined))
    .sort((a, b) => (order.get(a.resourceUrn ?? "") ?? -1) - (order.get(b.resourceUrn ?? "") ?? -1) || a.policyId.localeCompare(b.policyId) || a.message.localeCompare(b.message));
  const rules: PolicyRule[] = info.policies.filter((p) => inFramework(p.name)).map((p) => {
    const c = catalog.get(p.name);
    return {
      id: p.name,
      description: p.description,
      enforcementLevel: levels.get(p.name) ?? p.enforcementLevel,
      ...(p.severity ?? c?.severity ? { severity: p.severity ?? c?.severity } : {}),
      ...(c?.configRuleId ? { configRuleId: c.configRuleId } : {}),
      ...(c?.remediation ? { remediation: c.remediation } : {}),
      ...(c?.cdkNagId ? { cdkNagId: c.cdkNagId } : {}),
      ...(c?.controls ? { controls: c.controls } : {}),
      configKeys: Object.keys(p.configSchema?.properties ?? {}),
    };
  });
  const resources = program.resources.map(toReported);
  const violations = findings.filter((f) => !f.suppressed && !f.cannotJudge);
  const notExpanded = program.resources.filter((r) => r.notExpanded).map(toReported);
  const unchecked = [...new Set(notExpanded.map((r) => r.type))].sort().map((type) => ({ type, count: notExpanded.filter((r) => r.type === type).length }));
  const evaluations = evaluate(rules, analyzed, findings, catalog, notApplicable);
  // Per policy: judged something, and all of it compliant (one pass: a large program has a row per policy and resource).
  const allCompliant = new Map<string, boolean>();
  for (const e of evaluations) allCompliant.set(e.policyId, (allCompliant.get(e.policyId) ?? true) && e.compliance === "Compliant");
  const passingPolicies = rules.filter((r) => r.enforcementLevel !== "disabled" && allCompliant.get(r.id) === true).map((r) => r.id);
  const failOn = settings.failOn ?? "mandatory";
  const failOnUnchecked = settings.failOnUnchecked === true;
  return {
    project: program.project.name,
    stack: program.stack,
    programFile: relative(process.cwd(), program.project.main).split("\\").join("/"),
    policyPack: { name: info.name, version: info.version },
    rules,
    resources,
    notExpanded,
    unchecked,
    findings,
    evaluations,
    passingPolicies,
    failOn,
    failOnUnchecked,
    unansweredInvokes: program.unansweredInvokes,
    summary: {
      verdict: failsCheck({ findings, failOn, failOnUnchecked, unchecked }) ? "fail" : "pass",
      resources: resources.length,
      violations: violations.length,
      mandatory: violations.filter((f) => f.level === "mandatory").length,
      advisory: violations.filter((f) => f.level === "advisory").length,
      suppressed: findings.filter((f) => f.suppressed).length,
      suppressedMandatory: findings.filter((f) => f.suppressed && f.level === "mandatory").length,
      cannotJudge: findings.filter((f) => !f.suppressed && f.cannotJudge).length,
      unchecked: notExpanded.length,
      passingPolicies: passingPolicies.length,
    },
  };
}

/**
 * One row per policy and resource it judged, as cdk-nag's report: the findings, and Compliant rows for the resources
 * of the policy's types (from the pack's catalog) it found nothing on. A policy the pack said does not apply (to the
 * stack, or to a resource) gets no Compliant row; one that found nothing with no types to go by (a pack without a
 * catalog) or that judges the account (it takes `managedExternally`) gets one for the stack.
 */
function evaluate(rules: readonly PolicyRule[], analyzed: readonly AnalyzedResource[], findings: readonly Finding[], catalog: Map<string, CatalogRule>, notApplicable: ReadonlySet<string>): Evaluation[] {
  const out: Evaluation[] = [];
  const compliance = (f: Finding): Evaluation["compliance"] => (f.suppressed ? "Suppressed" : f.cannotJudge ? "CannotJudge" : "Non-Compliant");
  for (const rule of rules) {
    if (rule.enforcementLevel === "disabled" || notApplicable.has(rule.id)) continue;
    const own = findings.filter((f) => f.policyId === rule.id);
    out.push(...own.map((f) => ({ policyId: rule.id, ...(f.resourceUrn ? { resourceUrn: f.resourceUrn } : {}), compliance: compliance(f), level: f.level, finding: f })));
    const types = catalog.get(rule.id)?.resourceTypes;
    const level = rule.enforcementLevel as Level;
    const judged = new Set(own.map((f) => f.resourceUrn));
    const compliant = analyzed.filter((r) => types?.includes(r.type) && !judged.has(r.urn) && !notApplicable.has(`${rule.id} ${r.urn}`));
    out.push(...compliant.map((r) => ({ policyId: rule.id, resourceUrn: r.urn, compliance: "Compliant" as const, level })));
    // A policy with no types to go by, or an account-level one (it judges the stack as a whole), passed on the stack.
    const judgesStack = !types || rule.configKeys.includes("managedExternally");
    if (own.length === 0 && compliant.length === 0 && judgesStack) out.push({ policyId: rule.id, compliance: "Compliant", level });
  }
  return out;
}

async function analyzeAll(pack: PolicyPackProcess, resources: AnalyzedResource[], notApplicable: Set<string>): Promise<PolicyFinding[]> {
  const results: PolicyFinding[][] = new Array(resources.length);
  let next = 0;
  const worker = async () => {
    while (next < resources.length) {
      const i = next++;
      results[i] = await pack.analyze(resources[i], (policy) => notApplicable.add(`${policy} ${resources[i].urn}`));
    }
  };
  await Promise.all(Array.from({ length: Math.min(ANALYZE_CONCURRENCY, resources.length) }, worker));
  return results.flat();
}

function toAnalyzed(r: RecordedProgramResource): AnalyzedResource {
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    properties: r.properties,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.provider ? { provider: r.provider } : {}),
    dependencies: r.dependencies,
    propertyDependencies: r.propertyDependencies,
  };
}

function toReported(r: RecordedProgramResource): ReportedResource {
  return { urn: r.urn, type: r.type, name: r.name, ...(r.parent ? { parent: r.parent } : {}) };
}

function toFinding(f: PolicyFinding, rule: CatalogRule | undefined, resource: RecordedProgramResource | undefined): Finding {
  return {
    policyId: f.policyName,
    ...(rule?.configRuleId ? { configRuleId: rule.configRuleId } : {}),
    ...(rule?.controls ? { controls: rule.controls } : {}),
    ...(f.urn ? { resourceUrn: f.urn } : {}),
    ...(resource ? { resourceName: resource.name, resourceType: resource.type } : {}),
    ...(resource?.source ? { location: { file: relativeFile(resource.source.uri), line: resource.source.line } } : {}),
    level: f.enforcementLevel,
    ...(f.severity ?? rule?.severity ? { severity: f.severity ?? rule?.severity } : {}),
    message: violationText(f),
    suppressed: f.suppressed,
    ...(f.suppressionReason ? { suppressionReason: f.suppressionReason } : {}),
    cannotJudge: f.cannotJudge,
    description: f.description,
  };
}

/** A file URI from the SDK's source position, relative to the working directory (as SARIF locations want). */
function relativeFile(uri: string): string {
  const path = uri.startsWith("file://") ? fileURLToPath(uri) : uri;
  return relative(process.cwd(), path).split("\\").join("/");
}

/** The violation's own text: CrossGuard prefixes a policy's description to the message it reports. */
function violationText(f: PolicyFinding): string {
  return f.description && f.message.startsWith(`${f.description}\n`) ? f.message.slice(f.description.length + 1) : f.message;
}
