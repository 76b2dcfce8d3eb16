import { ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { CANNOT_JUDGE_PREFIX } from "../policies/preview";
import { parseSuppressedMessage } from "../policies/suppressions";
import { compileCacheDir } from "./compile-cache";
import { policyConfigErrors, schemaDefaults } from "./policy-config";

/**
 * A client of the Pulumi analyzer protocol that runs a CrossGuard policy pack exactly as `pulumi preview --policy-pack`
 * does: the pack's program in its own process (it prints the port of its gRPC Analyzer server on stdout), then
 * GetAnalyzerInfo, Configure, Analyze (one resource at a time) and AnalyzeStack (all resources). Verdicts obtained here
 * are the ones a preview would give, with no Pulumi CLI installed.
 */

export interface AnalyzedResource {
  urn: string;
  type: string;
  name: string;
  /**
   * Plain JSON values; use `secretValue()` and `UNKNOWN_VALUE` for Pulumi's secret and unknown conventions. Read when
   * first sent to a pack: later requests to the same pack send what was read then (give changed properties as a new object).
   */
  properties: Record<string, any>;
  /** URN of the parent resource. */
  parent?: string;
  /** Provider reference (`<provider urn>::<provider id>`); the default provider of the package when absent. */
  provider?: string;
  /** URNs this resource depends on (stack policies can follow them). */
  dependencies?: string[];
  /** URNs each property depends on (what the engine sends, so references with unknown values can be followed). */
  propertyDependencies?: Record<string, string[]>;
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export interface PolicyFinding {
  policyName: string;
  policyPackName: string;
  description: string;
  message: string;
  /** The level of the violation; for a suppressed one, the level it had (the pack reports it as advisory). */
  enforcementLevel: EnforcementLevel;
  urn?: string;
  severity?: "low" | "medium" | "high" | "critical";
  /** True when the pack reported the violation as suppressed (message starting with `suppressed (<level>):`). */
  suppressed: boolean;
  /** The reason given with the suppression. */
  suppressionReason?: string;
  /** True when the pack could not judge the resource at preview (message `cannot judge at preview: …`). */
  cannotJudge: boolean;
}

export interface PolicyInfo {
  name: string;
  description: string;
  enforcementLevel: string;
  severity?: string;
  configSchema?: { properties: Record<string, any>; required?: string[] };
}

export interface AnalyzerInfo {
  name: string;
  version: string;
  policies: PolicyInfo[];
}

/**
 * Policy pack configuration as users write it for `pulumi preview --policy-pack-config` or a published pack:
 * `{ "all": "mandatory", "<policy>": "advisory" | { "enforcementLevel": "...", ...properties } }`.
 */
export type PolicyPackConfig = Record<string, unknown>;

/** Pulumi's marker for a value not known during preview (the string sentinel the engine sends). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Wraps a value the way the engine marks a secret property. */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}


const LEVELS: Record<number, EnforcementLevel> = {
  [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
  [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
  [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
};
const LEVEL_CODES: Record<EnforcementLevel, analyzerpb.EnforcementLevel> = {
  advisory: analyzerpb.EnforcementLevel.ADVISORY,
  mandatory: analyzerpb.EnforcementLevel.MANDATORY,
  disabled: analyzerpb.EnforcementLevel.DISABLED,
  remediate: analyzerpb.EnforcementLevel.REMEDIATE,
};
const SEVERITIES: Record<number, PolicyFinding["severity"]> = {
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

// A pack loads its TypeScript (and @pulumi/aws) on start: minutes on a loaded 2-core CI machine.
const START_TIMEOUT_MS = 180_000;
const CALL_TIMEOUT_MS = 300_000;
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/**
 * V8's young generation is 2 × 64 MiB on a machine with memory to spare, and the pack fills it while it answers a large
 * program: 16 MiB semi-spaces keep the pack's peak below the program's (verdicts are the same whatever its size).
 */
const PACK_YOUNG_GENERATION = "--max-semi-space-size=16";

/** Kamae's own pack: `policies/` next to `cli/` in the repository, `dist/policies/` in the installed package. */
export function defaultPolicyPackDir(): string {
  return resolve(__dirname, "..", "policies");
}

/**
 * How to run a pack directory: its compiled `index.js` (installed package) or its `index.ts` through tsx (repository),
 * with the working directory set to the nearest directory holding a package.json, which `new PolicyPack` reads for
 * the version.
 */
export function packCommand(packDir: string): { args: string[]; cwd: string } {
  const dir = resolve(packDir);
  let args: string[];
  if (existsSync(join(dir, "index.js"))) {
    args = [join(dir, "index.js")];
  } else if (existsSync(join(dir, "index.ts"))) {
    args = ["--require", require.resolve("tsx/cjs"), join(dir, "index.ts")];
  } else {
    throw new Error(`policy pack ${dir}: no index.js or index.ts to run`);
  }
  let cwd = dir;
  while (!existsSync(join(cwd, "package.json"))) {
    const up = dirname(cwd);
    if (up === cwd) throw new Error(`policy pack ${dir}: no package.json in it or above it (PolicyPack reads its version there)`);
    cwd = up;
  }
  return { args, cwd };
}

export class PolicyPackProcess {
  private closed = false;
  /** Each policy's enforcement level as configured (Configure). */
  private readonly levels = new Map<string, EnforcementLevel>();
  /**
   * Each properties object as a Struct, built when it is first sent: a check sends every resource twice (its Analyze,
   * then AnalyzeStack), and building them was a tenth of the CLI's time. A properties object is read once per pack.
   */
  private readonly structs = new WeakMap<Record<string, any>, Struct>();
  private readonly killOnExit = () => this.child.kill("SIGKILL");

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: analyzerrpc.AnalyzerClient,
    private readonly stderr: () => string,
    private analyzerInfo: AnalyzerInfo,
  ) {
    process.once("exit", this.killOnExit);
  }

  /**
   * Spawns the pack as the engine does, reads its port, fetches its info and sends the configuration.
   * `propertyDefaults` set a config property for every policy whose schema has it, unless the config sets it.
   * `configFile` names where the config came from in errors.
   */
  static async start(packDir: string, options: { config?: PolicyPackConfig; configFile?: string; propertyDefaults?: Record<string, unknown> } = {}): Promise<PolicyPackProcess> {
    const { args, cwd } = packCommand(packDir);
    // The pack compiles through the check's compile cache, unless the user chose one (or none) for Node.js.
    const cache = process.env.NODE_COMPILE_CACHE === undefined ? compileCacheDir() : undefined;
    const env = cache === undefined ? process.env : { ...process.env, NODE_COMPILE_CACHE: cache };
    const child = spawn(process.execPath, [PACK_YOUNG_GENERATION, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-20_000)));
    const port = await new Promise<number>((resolvePort, reject) => {
      let out = "";
      let settled = false;
      const timer = setTimeout(() => fail(new Error(`policy pack ${packDir} printed no port within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill("SIGKILL");
        reject(e);
      };
      // The first stdout line is the port; anything the pack prints later is not ours to keep.
      child.stdout!.setEncoding("utf8").on("data", (d: string) => {
        if (settled) return;
        out += d;
        if (!out.includes("\n")) return;
        const line = out.split("\n")[0].trim();
        const n = Number(line);
        if (!Number.isInteger(n) || n <= 0) return fail(new Error(`policy pack ${packDir} printed "${line}" instead of a port\n${stderr}`));
        settled = true;
        clearTimeout(timer);
        resolvePort(n);
      });
      child.once("error", fail);
      child.once("exit", (code) => fail(new Error(`policy pack ${packDir} exited with code ${code} before serving\n${stderr}`)));
    });
    const client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    const pack = new PolicyPackProcess(child, client, () => stderr, { name: "", version: "", policies: [] });
    try {
      pack.analyzerInfo = await pack.fetchInfo();
      await pack.configure(options.config ?? {}, options.propertyDefaults ?? {}, options.configFile ?? "the policy pack config");
    } catch (e) {
      await pack.close();
      throw e;
    }
    return pack;
  }

  /** The pack's name, version and policies (GetAnalyzerInfo). */
  async info(): Promise<AnalyzerInfo> {
    return this.analyzerInfo;
  }

  /** Each policy's enforcement level, as configured. */
  levelOf(policy: string): EnforcementLevel | undefined {
    return this.levels.get(policy);
  }

  /**
   * Analyze: the resource-level policies on one resource's properties. `notApplicable` hears each policy the pack
   * said does not apply to the resource.
   */
  async analyze(resource: AnalyzedResource, notApplicable?: (policy: string) => void): Promise<PolicyFinding[]> {
    const req = new analyzerpb.AnalyzeRequest();
    req.setType(resource.type);
    req.setUrn(resource.urn);
    req.setName(resource.name);
    req.setProperties(this.structOf(resource.properties));
    req.setOptions(resourceOptions(resource));
    req.setProvider(providerResource(resource));
    const resp = await this.call<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>("analyze", req);
    for (const na of resp.getNotApplicableList()) notApplicable?.(na.getPolicyName());
    return resp.getDiagnosticsList().map((d) => this.toFinding(d, resource.urn));
  }

  /** AnalyzeStack: the stack policies over all resources; `notApplicable` hears the policies that did not apply. */
  async analyzeStack(resources: AnalyzedResource[], notApplicable?: (policy: string) => void): Promise<PolicyFinding[]> {
    const req = new analyzerpb.AnalyzeStackRequest();
    req.setResourcesList(
      resources.map((resource) => {
        const r = new analyzerpb.AnalyzerResource();
        r.setType(resource.type);
        r.setUrn(resource.urn);
        r.setName(resource.name);
        r.setProperties(this.structOf(resource.properties));
        r.setOptions(resourceOptions(resource));
        r.setProvider(providerResource(resource));
        if (resource.parent) r.setParent(resource.parent);
        r.setDependenciesList(resource.dependencies ?? []);
        for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
          r.getPropertydependenciesMap().set(key, new analyzerpb.AnalyzerPropertyDependencies().setUrnsList(urns));
        }
        return r;
      }),
    );
    const resp = await this.call<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>("analyzeStack", req);
    for (const na of resp.getNotApplicableList()) notApplicable?.(na.getPolicyName());
    return resp.getDiagnosticsList().map((d) => this.toFinding(d));
  }

  private structOf(properties: Record<string, any> | undefined): Struct {
    if (!properties) return toStruct({});
    let struct = this.structs.get(properties);
    if (!struct) this.structs.set(properties, (struct = toStruct(properties)));
    return struct;
  }

  private toFinding(d: analyzerpb.AnalyzeDiagnostic, defaultUrn?: string): PolicyFinding {
    const message = d.getMessage();
    // The pack's format: "suppressed (<level>): <reason>" on the first line, the violation it would have reported after it.
    const suppression = parseSuppressedMessage(message);
    const severity = SEVERITIES[d.getSeverity()];
    const urn = d.getUrn() || defaultUrn;
    const reported = LEVELS[d.getEnforcementlevel()];
    return {
      policyName: d.getPolicyname(),
      policyPackName: d.getPolicypackname(),
      description: d.getDescription(),
      message,
      // A suppressed violation keeps its level: the one it states, else (an older pack) the policy's configured one.
      enforcementLevel: suppression ? ((suppression.level as EnforcementLevel | undefined) ?? this.levels.get(d.getPolicyname()) ?? reported) : reported,
      ...(urn ? { urn } : {}),
      ...(severity ? { severity } : {}),
      suppressed: suppression !== undefined,
      ...(suppression?.reason ? { suppressionReason: suppression.reason } : {}),
      cannotJudge: (suppression ? suppression.violation : message).startsWith(CANNOT_JUDGE_PREFIX),
    };
  }

  /** Stops the pack's process. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.removeListener("exit", this.killOnExit);
    this.client.close();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((done) => {
      this.child.once("exit", () => done());
      this.child.kill("SIGTERM");
    });
  }

  private async fetchInfo(): Promise<AnalyzerInfo> {
    // The Empty class of the copy of google-protobuf the generated client checks with `instanceof`.
    const Empty = (analyzerrpc.AnalyzerService.getAnalyzerInfo as any).requestType as new () => any;
    const info = await this.call<any, analyzerpb.AnalyzerInfo>("getAnalyzerInfo", new Empty());
    return {
      name: info.getName(),
      version: info.getVersion(),
      policies: info.getPoliciesList().map((p) => {
        const schema = p.getConfigschema();
        return {
          name: p.getName(),
          description: p.getDescription(),
          enforcementLevel: LEVELS[p.getEnforcementlevel()],
          ...(SEVERITIES[p.getSeverity()] ? { severity: SEVERITIES[p.getSeverity()] } : {}),
          ...(schema
            ? { configSchema: { properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, any>, required: schema.getRequiredList() } }
            : {}),
        };
      }),
    };
  }

  /**
   * Configure, as the engine does after reconciling the user's config with the pack's info: every policy gets its
   * enforcement level (policy entry, else `all`, else the pack's default) and its properties (schema defaults
   * overlaid with the user's values), validated against the policy's config schema as the engine validates them.
   * A policy name the pack does not know, a key a policy does not take and a value its schema refuses are errors
   * naming `source`, the policy and the key.
   */
  private async configure(config: PolicyPackConfig, propertyDefaults: Record<string, unknown>, source: string): Promise<void> {
    const errors = policyConfigErrors(config, this.analyzerInfo.policies, propertyDefaults);
    if (errors.length > 0) throw new PolicyConfigError(source, errors);
    const all = config.all === undefined ? undefined : (config.all as EnforcementLevel);
    const req = new analyzerpb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const policy of this.analyzerInfo.policies) {
      const entry = config[policy.name];
      let level = all ?? (policy.enforcementLevel as EnforcementLevel);
      let props: Record<string, unknown> = {};
      if (typeof entry === "string") {
        level = entry as EnforcementLevel;
      } else if (entry && typeof entry === "object") {
        const { enforcementLevel: el, ...rest } = entry as Record<string, unknown>;
        if (el !== undefined) level = el as EnforcementLevel;
        props = rest;
      }
      const pc = new analyzerpb.PolicyConfig();
      pc.setEnforcementlevel(LEVEL_CODES[level]);
      pc.setProperties(Struct.fromJavaScript({ ...schemaDefaults(policy, propertyDefaults), ...props } as any));
      map.set(policy.name, pc);
      this.levels.set(policy.name, level);
    }
    await this.call("configure", req);
  }

  private call<Req, Res>(method: "analyze" | "analyzeStack" | "getAnalyzerInfo" | "configure", req: Req): Promise<Res> {
    if (this.closed) return Promise.reject(new Error("policy pack process is closed"));
    const deadline = new Date(Date.now() + CALL_TIMEOUT_MS);
    return new Promise<Res>((done, reject) => {
      (this.client as any)[method](req, new grpc.Metadata(), { deadline }, (err: grpc.ServiceError | null, res: Res) => {
        if (err) reject(new Error(`policy pack ${method} failed: ${err.details || err.message}\n${this.stderr()}`.trimEnd()));
        else done(res);
      });
    });
  }
}

/** The policy pack config is wrong: every problem, each naming the policy and the key, and where the config came from. */
export class PolicyConfigError extends Error {
  override readonly name = "PolicyConfigError";
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid config for this policy pack: fix or remove these entries:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Plain JSON for a protobuf Struct: undefined fields dropped (the engine never sends them). */
function toStruct(properties: Record<string, any>): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(properties ?? {})));
}

function resourceOptions(resource: AnalyzedResource): analyzerpb.AnalyzerResourceOptions {
  const opts = new analyzerpb.AnalyzerResourceOptions();
  opts.setProtect(false);
  opts.setIgnorechangesList([]);
  opts.setAliasesList([]);
  opts.setAdditionalsecretoutputsList([]);
  opts.setCustomtimeouts(new analyzerpb.AnalyzerResourceOptions.CustomTimeouts());
  if (resource.parent) opts.setParent(resource.parent);
  return opts;
}

/** The provider as the engine describes it: from the reference, or the package's default provider. */
function providerResource(resource: AnalyzedResource): analyzerpb.AnalyzerProviderResource {
  const p = new analyzerpb.AnalyzerProviderResource();
  let urn: string;
  if (resource.provider) {
    const sep = resource.provider.lastIndexOf("::");
    urn = sep > 0 ? resource.provider.slice(0, sep) : resource.provider;
  } else {
    const parts = resource.urn.split("::");
    const stackPrefix = parts.length >= 2 ? `${parts[0]}::${parts[1]}` : "urn:pulumi:stack::project";
    urn = `${stackPrefix}::pulumi:providers:${resource.type.split(":")[0]}::default`;
  }
  const segments = urn.split("::");
  const qualifiedType = segments[2] ?? "";
  p.setUrn(urn);
  p.setType(qualifiedType.split("$").pop() ?? "");
  p.setName(segments.slice(3).join("::"));
  p.setProperties(new Struct());
  return p;
}
