import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as yaml from "js-yaml";
import type { SourcePosition } from "./offline-mocks";

/** What `kamae check` recorded of one resource the program registered. */
export interface RecordedProgramResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent?: string;
  readonly provider?: string;
  readonly dependencies: string[];
  /** URNs each input property depends on. */
  readonly propertyDependencies: Record<string, string[]>;
  /** A read-only lookup (`X.get(...)`): a preview reads it and never analyzes it. */
  readonly read: boolean;
  /** Where the program declared it. */
  readonly source?: SourcePosition;
  /** Inputs plus what the provider knows at preview, computed outputs unknown: what the analyzer sees. */
  readonly properties: Record<string, unknown>;
  /** A remote component (awsx) answered by the mocks instead of being expanded into its children. */
  readonly notExpanded: boolean;
}

export type ProgramResult =
  | { ok: true; resources: RecordedProgramResource[]; unansweredInvokes: string[] }
  | { ok: false; error: string };

/** The job handed to the child (cli/program-runner.ts). */
export interface ProgramJob {
  readonly projectDir: string;
  readonly main: string;
  readonly project: string;
  readonly stack: string;
  readonly resultFile: string;
}

export interface PulumiProject {
  readonly dir: string;
  readonly name: string;
  /** The file the language host would load. */
  readonly main: string;
}

/** The program failed (threw, exited early, or the project is not one `kamae check` can run): exit code 2. */
export class ProgramError extends Error {
  override readonly name = "ProgramError";
}

/** Reads Pulumi.yaml as the engine does: name, a Node.js runtime, and `main` (a file or a directory). */
export function readProject(programDir: string): PulumiProject {
  const dir = resolve(programDir);
  const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => join(dir, f)).find(existsSync);
  if (!file) throw new ProgramError(`${dir} has no Pulumi.yaml`);
  const doc = yaml.load(readFileSync(file, "utf8")) as Record<string, any> | undefined;
  if (!doc || typeof doc.name !== "string" || doc.name === "") throw new ProgramError(`${file}: "name" is missing`);
  const runtime = typeof doc.runtime === "string" ? doc.runtime : doc.runtime?.name;
  if (runtime !== "nodejs") throw new ProgramError(`${file}: runtime "${runtime}" is not supported; kamae check runs nodejs (TypeScript) programs`);
  return { dir, name: doc.name, main: resolveMain(resolve(dir, typeof doc.main === "string" ? doc.main : ".")) };
}

function resolveMain(path: string): string {
  if (existsSync(path) && statSync(path).isFile()) return path;
  if (existsSync(path) && statSync(path).isDirectory()) {
    const pkg = join(path, "package.json");
    if (existsSync(pkg)) {
      const main = (JSON.parse(readFileSync(pkg, "utf8")) as { main?: string }).main;
      // A package.json main usually names the compiled file; the TypeScript source next to it is what we run.
      if (main) {
        const target = resolve(path, main);
        const source = target.replace(/\.js$/, ".ts");
        for (const candidate of [source, target]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
      }
    }
    for (const index of ["index.ts", "index.js"]) if (existsSync(join(path, index))) return join(path, index);
  }
  throw new ProgramError(`no program found at ${path} (expected index.ts, index.js or package.json "main")`);
}

/**
 * Reads a stack config file (Pulumi.<stack>.yaml) into the PULUMI_CONFIG object the engine hands the program: keys
 * `<namespace>:<key>` (bare keys get the project's namespace), values as strings (structured values as JSON). Secrets
 * cannot be decrypted offline: they get a placeholder, and the key holding them (a structured value with a secret inside
 * included) is marked secret.
 */
export function readStackConfig(file: string, project: string): { stack: string; config: Record<string, string>; secretKeys: string[] } {
  const doc = (yaml.load(readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
  if (typeof doc !== "object" || (doc.config !== undefined && (typeof doc.config !== "object" || doc.config === null))) {
    throw new ProgramError(`${file}: "config" must be a map`);
  }
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    const full = key.includes(":") ? key : `${project}:${key}`;
    const { plain, secret } = withoutSecrets(value);
    config[full] = typeof plain === "string" ? plain : JSON.stringify(plain);
    // As the engine does, a structured value with a secret anywhere inside is a secret as a whole.
    if (secret) secretKeys.push(full);
  }
  const match = /^Pulumi\.(.+)\.ya?ml$/.exec(basename(file));
  return { stack: match ? match[1] : "offline", config, secretKeys };
}

const SECRET_PLACEHOLDER = "offline-secret-placeholder";

/** A config value with every `{ secure: … }` inside it (at any depth) replaced by the placeholder, and whether there was one. */
function withoutSecrets(value: unknown): { plain: unknown; secret: boolean } {
  if (value === null || typeof value !== "object") return { plain: value, secret: false };
  if (!Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value) return { plain: SECRET_PLACEHOLDER, secret: true };
  let secret = false;
  const strip = (v: unknown) => {
    const r = withoutSecrets(v);
    secret ||= r.secret;
    return r.plain;
  };
  const plain = Array.isArray(value) ? value.map(strip) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)]));
  return { plain, secret };
}

/** A program that has not finished by then is stopped (one waiting forever on an output, for example). */
const DEFAULT_TIMEOUT_MS = 15 * 60 * 1000;

/** The tsx loader of this installation: programs are TypeScript, run without a compile step. */
function tsxLoader(): string {
  return require.resolve("tsx");
}

/**
 * Node.js options of the program's process. tsx only where it is needed: the runner run from source (tests), and
 * ES-module TypeScript programs (loaded by `import()`, which ts-node's CommonJS hook, the host's way, does not serve).
 * Otherwise its hook would transform every module the program loads (all of @pulumi/aws's it touches) and compile the
 * program twice, ahead of ts-node.
 */
function runnerOptions(project: PulumiProject, runner: string): string[] {
  const esModuleTypeScript = /\.mts$/.test(project.main) || (/\.tsx?$/.test(project.main) && packageType(project.dir) === "module");
  const typescript = extname(runner) === ".ts" || esModuleTypeScript ? ["--import", pathToFileURL(tsxLoader()).href] : [];
  return [YOUNG_GENERATION, ...typescript];
}

/**
 * V8 reserves a young generation of 2 × 64 MiB on a machine with memory to spare, and a program's process fills it:
 * 16 MiB semi-spaces take about 45 MiB off the peak of a large program at no measurable cost in time (its objects
 * live until its resources register, whatever the young generation's size).
 */
const YOUNG_GENERATION = "--max-semi-space-size=16";

/** The "type" of the package.json nearest the program, which decides how Node.js loads its files. */
function packageType(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const pkg = join(d, "package.json");
    if (existsSync(pkg)) return (JSON.parse(readFileSync(pkg, "utf8")) as { type?: string }).type;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * Runs the program in a fresh child process under OfflineMocks and returns every resource it registered.
 * Throws ProgramError when the program fails, with its error.
 */
export async function runProgramOffline(programDir: string, options: { configFile?: string; timeoutMs?: number } = {}): Promise<{ project: PulumiProject; stack: string; resources: RecordedProgramResource[]; unansweredInvokes: string[] }> {
  const project = readProject(programDir);
  const stackConfig = options.configFile ? readStackConfig(resolve(options.configFile), project.name) : { stack: "offline", config: {}, secretKeys: [] };
  const work = mkdtempSync(join(tmpdir(), "kamae-check-"));
  const job: ProgramJob = { projectDir: project.dir, main: project.main, project: project.name, stack: stackConfig.stack, resultFile: join(work, "result.json") };
  const runner = join(__dirname, `program-runner${extname(__filename)}`);
  try {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, reject) => {
      const child = spawn(process.execPath, [...runnerOptions(project, runner), runner, JSON.stringify(job)], {
        cwd: project.dir,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          PULUMI_CONFIG: JSON.stringify(stackConfig.config),
          PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(stackConfig.secretKeys),
          PULUMI_PROJECT: project.name,
          PULUMI_STACK: stackConfig.stack,
        },
      });
      let err = "";
      // The program's own console output is shown (as a preview shows it) on stderr, keeping stdout for the report.
      child.stdout!.on("data", (d: Buffer) => process.stderr.write(d));
      child.stderr!.setEncoding("utf8").on("data", (d: string) => (err = (err + d).slice(-20_000)));
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new ProgramError(`the program did not finish within ${Math.round(timeoutMs / 1000)} s\n${err}`.trimEnd()));
      }, timeoutMs);
      child.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.once("close", (c) => {
        clearTimeout(timer);
        done({ code: c, stderr: err });
      });
    });
    const resultFile = job.resultFile;
    const result = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, "utf8")) as ProgramResult) : undefined;
    if (!result) throw new ProgramError(`the program's process ended (code ${code}) without a result\n${stderr}`.trimEnd());
    if (!result.ok) throw new ProgramError(result.error);
    if (code !== 0) throw new ProgramError(`the program's process exited with code ${code}\n${stderr}`.trimEnd());
    return { project, stack: stackConfig.stack, resources: result.resources, unansweredInvokes: result.unansweredInvokes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
