import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AnalyzedResource, AnalyzerInfo, defaultPolicyPackDir, PolicyFinding, PolicyPackProcess } from "./analyzer-client";
import type { CannotJudgeLevel } from "../policies/preview";
import { CatalogRule, Controls, FrameworkName, loadCatalog, mapsToFramework } from "./catalog";
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
  readonly enforcementLevel: string;
  readonly severity?: string;
  readonly configRuleId?: string;
  readonly remediation?: string;
  readonly cdkNagId?: string;
  readonly controls?: Controls;
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
  readonly findings: Finding[];
  /** Invokes the mocks had no realistic answer for (they returned nothing). */
  readonly unansweredInvokes: string[];
  readonly summary: {
    readonly resources: number;
    readonly violations: number;
    readonly mandatory: number;
    readonly advisory: number;
    readonly suppressed: number;
    /** Unsuppressed cannot-judge verdicts (not counted as violations). */
    readonly cannotJudge: number;
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
}

const ROOT_STACK = "pulumi:pulumi:Stack";
/** Analyze calls in flight at once: the pack answers them concurrently, so a large program is not one round trip per resource. */
const ANALYZE_CONCURRENCY = 16;

/** True when the report holds a violation of a mandatory policy that is not suppressed: `kamae check` exits 1. */
export function failsCheck(report: CheckReport): boolean {
  return report.findings.some((f) => f.level === "mandatory" && !f.suppressed);
}

/** Runs the program offline, then evaluates the pack over what it registered, as `pulumi preview --policy-pack` would. */
export async function checkProgram(programDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const policyConfig = options.policyConfigFile ? (JSON.parse(readFileSync(options.policyConfigFile, "utf8")) as Record<string, unknown>) : undefined;
  const packDir = resolve(options.policyPackDir ?? defaultPolicyPackDir());
  // The pack starts while the program runs: both are processes of their own.
  const starting = PolicyPackProcess.start(packDir, { config: policyConfig, propertyDefaults: options.cannotJudge ? { cannotJudge: options.cannotJudge } : {} });
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
  try {
    info = await pack.info();
    raw = [...(await analyzeAll(pack, analyzed)), ...(await pack.analyzeStack(analyzed))];
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
      enforcementLevel: p.enforcementLevel,
      ...(p.severity ?? c?.severity ? { severity: p.severity ?? c?.severity } : {}),
      ...(c?.configRuleId ? { configRuleId: c.configRuleId } : {}),
      ...(c?.remediation ? { remediation: c.remediation } : {}),
      ...(c?.cdkNagId ? { cdkNagId: c.cdkNagId } : {}),
      ...(c?.controls ? { controls: c.controls } : {}),
    };
  });
  const resources = program.resources.map(toReported);
  const violations = findings.filter((f) => !f.suppressed && !f.cannotJudge);
  return {
    project: program.project.name,
    stack: program.stack,
    programFile: relative(process.cwd(), program.project.main).split("\\").join("/"),
    policyPack: { name: info.name, version: info.version },
    rules,
    resources,
    notExpanded: program.resources.filter((r) => r.notExpanded).map(toReported),
    findings,
    unansweredInvokes: program.unansweredInvokes,
    summary: {
      resources: resources.length,
      violations: violations.length,
      mandatory: violations.filter((f) => f.level === "mandatory").length,
      advisory: violations.filter((f) => f.level === "advisory").length,
      suppressed: findings.filter((f) => f.suppressed).length,
      cannotJudge: findings.filter((f) => !f.suppressed && f.cannotJudge).length,
    },
  };
}

async function analyzeAll(pack: PolicyPackProcess, resources: AnalyzedResource[]): Promise<PolicyFinding[]> {
  const results: PolicyFinding[][] = new Array(resources.length);
  let next = 0;
  const worker = async () => {
    while (next < resources.length) {
      const i = next++;
      results[i] = await pack.analyze(resources[i]);
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
