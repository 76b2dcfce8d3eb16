/**
 * Programs under the real Pulumi engine, with no language host, no cloud account and no Pulumi service: the CLI built
 * from its Go modules (scripts/engine/build-pulumi.sh → .cache/engine/bin/pulumi), the program as an Automation API
 * inline program (this process hosts it; the CLI runs with `--client`), a file backend and a throw-away passphrase in
 * a temporary directory, the stub providers and the policy-analyzer shim of test/engine/bin/ first on PATH.
 */
import { type EngineEvent, LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { readProject } from "../../cli/program";
import { parseSuppressedMessage } from "../../policies/suppressions";

export const ROOT = resolve(__dirname, "..", "..");
export const ENGINE_ROOT = join(ROOT, ".cache", "engine");
export const PULUMI = join(ENGINE_ROOT, "bin", "pulumi");
export const PLUGINS = join(__dirname, "bin");
/** The pack as built (`npm run build`): the engine and `kamae check` judge with the same compiled code. */
export const POLICY_PACK = join(ROOT, "dist", "policies");
/** The same pack as an executable, which is how the pinned engine runs a pack with no language host. */
const POLICY_PACK_EXECUTABLE = join(PLUGINS, "kamae-policy-pack");

export interface EngineFinding {
  readonly policyId: string;
  readonly resourceUrn?: string;
  /** For a suppressed finding, the level it had (the pack reports it to the engine as an advisory, as kamae check reads it). */
  readonly level: "advisory" | "mandatory";
  readonly suppressed: boolean;
  readonly message: string;
}

export interface EnginePreview {
  /** The CLI's exit code: 0, or non-zero when the preview failed (a mandatory violation, a program error). */
  readonly code: number;
  readonly findings: EngineFinding[];
  /** Resources the engine registered (the stack included). */
  readonly resources: Array<{ urn: string; type: string }>;
  readonly output: string;
}

export interface PreviewRequest {
  readonly programDir: string;
  readonly stack: string;
  /** A Pulumi.<stack>.yaml to preview with (`--config` in `kamae check`). */
  readonly stackConfigFile?: string;
  /** `--policy-pack-config`. */
  readonly policyConfigFile?: string;
}

let command: Promise<PulumiCommand> | undefined;

/** The built CLI; its version, checked once. */
export function pulumiCommand(): Promise<PulumiCommand> {
  command ??= PulumiCommand.get({ root: ENGINE_ROOT, skipVersionCheck: true });
  return command;
}

/** `pulumi preview --policy-pack dist/policies [--policy-pack-config F]` on the program in `programDir`. */
export async function previewUnderEngine(request: PreviewRequest): Promise<EnginePreview> {
  const project = readProject(request.programDir);
  const tmp = mkdtempSync(join(tmpdir(), "kamae-engine-"));
  const work = join(tmp, "work");
  mkdirSync(work);
  mkdirSync(join(tmp, "backend"));
  try {
    const ws = await LocalWorkspace.create({
      workDir: work,
      pulumiCommand: await pulumiCommand(),
      projectSettings: { name: project.name, runtime: "nodejs", backend: { url: `file://${join(tmp, "backend")}` } },
      envVars: {
        PATH: `${PLUGINS}:${process.env.PATH}`,
        PULUMI_HOME: join(tmp, "home"),
        PULUMI_BACKEND_URL: `file://${join(tmp, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "kamae-engine-suite",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      },
      program: () => runInline(project.dir, project.main),
    });
    // The stack's settings file, as `pulumi preview` in the project would read it (stack init adds its salt to the copy).
    if (request.stackConfigFile) copyFileSync(request.stackConfigFile, join(work, `Pulumi.${request.stack}.yaml`));
    const stack = await Stack.create(request.stack, ws);
    const findings: EngineFinding[] = [];
    const resources: Array<{ urn: string; type: string }> = [];
    let output = "";
    const onEvent = (e: EngineEvent) => {
      if (e.policyEvent) {
        const p = e.policyEvent;
        const suppression = parseSuppressedMessage(p.message);
        const level = suppression?.level ?? p.enforcementLevel;
        findings.push({ policyId: p.policyName, resourceUrn: p.resourceUrn || undefined, level: level === "mandatory" ? "mandatory" : "advisory", suppressed: suppression !== undefined, message: p.message });
      }
      if (e.resourcePreEvent) resources.push({ urn: e.resourcePreEvent.metadata.urn, type: e.resourcePreEvent.metadata.type });
    };
    const options = {
      policyPacks: [POLICY_PACK_EXECUTABLE],
      policyPackConfigs: request.policyConfigFile ? [request.policyConfigFile] : [],
      onEvent,
      onOutput: (out: string) => void (output += out),
    };
    try {
      await stack.preview(options);
      return { code: 0, findings, resources, output };
    } catch (err) {
      const result = (err as { commandResult?: { code?: number; stderr?: string; err?: { exitCode?: number } } }).commandResult;
      if (result?.code === undefined) throw err;
      // The Automation API reports every failed command as code -2; the CLI's own exit code is on the process error.
      return { code: result.err?.exitCode ?? result.code, findings, resources, output: `${output}\n${result.stderr ?? ""}` };
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Runs the program as the Node.js language host would: from its project directory, its main module loaded afresh
 * (this process hosts one program after another), a default-exported function called, exports as stack outputs.
 */
async function runInline(projectDir: string, main: string): Promise<Record<string, unknown> | void> {
  const previous = process.cwd();
  process.chdir(projectDir);
  try {
    const programDir = dirname(main) + sep;
    for (const id of Object.keys(require.cache)) if (id.startsWith(programDir) && !id.includes(`${sep}node_modules${sep}`)) delete require.cache[id];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program's main module, loaded as the language host loads it
    const loaded = require(main) as unknown;
    // `export = async () => …` (module.exports is the function) or `export default`: called, its result the outputs.
    const entry = typeof loaded === "function" ? loaded : (loaded as { default?: unknown }).default;
    return (typeof entry === "function" ? await (entry as () => unknown)() : loaded) as Record<string, unknown>;
  } finally {
    process.chdir(previous);
  }
}

export const engineAvailable = () => existsSync(PULUMI);
