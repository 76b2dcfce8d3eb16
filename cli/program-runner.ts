/**
 * The child process of `kamae check`: runs one Pulumi program under OfflineMocks, as the Node.js language host runs a
 * preview (inside the root stack resource, working directory = project directory, config from PULUMI_CONFIG,
 * TypeScript through ts-node as the host registers it, computed outputs unknown), and writes what it registered to a
 * result file. One process per check: clean runtime state, and a program that exits or throws cannot take the CLI
 * down. Started by `runProgramOffline` (cli/program.ts).
 */
import { existsSync, writeFileSync } from "node:fs";
import * as nodeModule from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { enableCompileCache } from "./compile-cache";
import { deferUnusedSdkModules } from "./deferred-modules";
import { installOfflineMocks, OfflineMocks } from "./offline-mocks";
import type { ProgramJob, ProgramResult, RecordedProgramResource } from "./program";

// Before the program's @pulumi/pulumi and @pulumi/aws load; the cache is invisible to the program (no variable in its
// environment, nothing in its process's arguments).
enableCompileCache();

const job = JSON.parse(process.argv[2] ?? "{}") as ProgramJob;
let finished = false;

function write(result: ProgramResult): void {
  writeFileSync(job.resultFile, JSON.stringify(result));
}

function fail(err: unknown): void {
  if (finished) return;
  finished = true;
  withMappedStack(err);
  const message = err instanceof Error ? err.stack ?? err.message : String(err);
  write({ ok: false, error: message });
  process.stderr.write(`${message}\n`);
  process.exit(3);
}

/** JSON-safe copy of recorded values: resource references (objects the runtime rebuilt) become their marker. */
function plain(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== "object") return typeof value === "bigint" ? String(value) : value;
  if (depth > 50) return "<nested too deep>";
  if ((value as { __pulumiResource?: boolean }).__pulumiResource) return "<resource reference>";
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = plain(v, depth + 1);
  }
  return out;
}

/** Formats stacks as V8 does by default, without the source-map lookups of Node's formatter. */
function plainStack(error: Error, frames: NodeJS.CallSite[]): string {
  return [String(error), ...frames.map((f) => `    at ${f}`)].join("\n");
}

/**
 * Frames the SDK's `Resource.stackTrace(4)` reads: this function, stackTrace, the Resource, Custom/ComponentResource
 * and concrete class constructors, then the code that declared the resource (the source position it registers).
 */
const SOURCE_POSITION_FRAMES = 6;

/** A call site's position in the source the program's author wrote (through the module's source map, if it has one). */
function sourceFrame(site: NodeJS.CallSite): { file?: string; line?: number; column?: number } {
  const name = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (!name || !line || !column || name.startsWith("node:")) return {};
  // Packages are reported where the code runs, as the engine reports them; only the program's own sources are mapped.
  const origin: Partial<nodeModule.SourceOrigin> | undefined = name.includes("/node_modules/") ? undefined : nodeModule.findSourceMap(name)?.findOrigin(line, column);
  const file = name.startsWith("file://") ? fileURLToPath(name) : name;
  if (origin?.fileName) {
    const mapped = origin.fileName.startsWith("file://") ? fileURLToPath(origin.fileName) : resolve(dirname(file), origin.fileName);
    return { file: mapped, line: origin.lineNumber, column: origin.columnNumber };
  }
  return { file, line, column };
}

/**
 * The runtime captures and formats a stack for every promise it makes (debug context, read only in a report of leaked
 * promises), and formats and parses the whole stack of every resource to find its source position. That was half the
 * check's time and most of its memory per resource: a resource's position is read from the few structured frames that
 * hold it, mapped through the program's source maps (SARIF locations), and the promises lose their debug context.
 * The program's own errors keep their stacks.
 */
function skipRuntimeStacks(projectDir: string, pulumi: typeof import("@pulumi/pulumi")): void {
  const resourceClass = pulumi.Resource as unknown as { callsites?: () => unknown[] };
  if (typeof resourceClass.callsites === "function") {
    resourceClass.callsites = function callsites(): unknown[] {
      const { stackTraceLimit, prepareStackTrace } = Error;
      Error.stackTraceLimit = SOURCE_POSITION_FRAMES;
      Error.prepareStackTrace = (_error, frames) => frames;
      try {
        const frames = new Error().stack as unknown as NodeJS.CallSite[];
        // Only the last frame is read: the others are left unmapped.
        return frames.map((site, i) => (i === SOURCE_POSITION_FRAMES - 1 ? sourceFrame(site) : {}));
      } finally {
        Error.stackTraceLimit = stackTraceLimit;
        Error.prepareStackTrace = prepareStackTrace;
      }
    };
  }
  // Asked for by the program's author: the runtime's own debugging aid, stacks and all.
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program's copy of the runtime module
  const debuggable = require(require.resolve("@pulumi/pulumi/runtime/debuggable", { paths: [projectDir] })) as { debuggablePromise?: unknown };
  if (typeof debuggable.debuggablePromise !== "function") return;
  // The runtime wraps some four promises per output property in `then` and `catch` handlers that keep the promise, a
  // stack and a label for a report of leaked promises, a third of the program's memory per resource. The wrapper
  // keeps the two turns with shared handlers, so every promise settles in the same turn as before and resources
  // register in the same order (the order of the report); leaks are no longer reported, which only the runtime's own
  // bugs would cause once the program has finished.
  debuggable.debuggablePromise = (p: Promise<unknown>) => p.then<unknown, unknown>(settleLater, rejectLater);
}

/**
 * The wrapper's second step without a second promise: settling through a thenable takes one more turn, exactly as a
 * chained `catch` did, so what waits on the wrapper runs in the same turn as before; only one promise and one reaction
 * per wrapper stay allocated while the output waits (half what the two steps kept). A settled promise's value is never
 * a thenable, so the value passes through unchanged.
 */
const settleLater = (value: unknown) => ({ then: (resolve: (v: unknown) => void) => resolve(value) });
const rejectLater = (err: unknown) => ({ then: (_resolve: unknown, reject: (e: unknown) => void) => reject(err) });

/** Registrations before the first full collection, and how many times more before the next (see collectWhileRegistering). */
const FIRST_COLLECTION = 1_000;
const COLLECTION_GROWTH = 4;

/**
 * Full collections while the resources register. A synchronous program declares every resource before the first one
 * registers, all of it live at once, and V8 sizes its old generation from that; the registrations' garbage then piles
 * up there unreclaimed until the end (at 3,000 resources, more than half of the process's peak memory). One collection
 * after 1,000 registrations sizes the old generation from what is live then, and V8's own collections keep up from
 * there (a second one at 2,000 took nothing more off the peak); later ones at 4,000, 16,000… for programs whose live
 * memory grows again. Collections change nothing the program sees.
 */
function collectWhileRegistering(mocks: OfflineMocks): void {
  // `gc` from a context of its own, the flag set only while it is made: the program's global has no `gc`.
  v8.setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  v8.setFlagsFromString("--no-expose-gc");
  let next = FIRST_COLLECTION;
  const newResource = mocks.newResource.bind(mocks);
  mocks.newResource = (args) => {
    const result = newResource(args);
    if (mocks.resources.length >= next) {
      gc();
      next = mocks.resources.length * COLLECTION_GROWTH;
    }
    return result;
  };
}

/** Formats the error's stack now, through source maps (a stack is formatted when first read). */
function withMappedStack(e: unknown): unknown {
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  void (e as Error)?.stack;
  return e;
}

/**
 * Registers TypeScript as Pulumi's Node.js language host does (its `cmd/run`): the ts-node and typescript the program's
 * @pulumi/pulumi finds (its vendored copies otherwise), the project's tsconfig.json, CommonJS output, so that closure
 * serialization (`aws.lambda.CallbackFunction`, `bucket.onObjectCreated`) sees the functions it expects. Type checking
 * is left to the program's own build, as `PULUMI_NODEJS_TRANSPILE_ONLY=true` does.
 */
function registerTypeScript(pulumiDir: string): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- the host's own helpers, from the program's @pulumi/pulumi */
  const tsutils = require(join(pulumiDir, "tsutils")) as {
    typeScriptRequireStrings(): { tsnodeRequire: string; typescriptRequire: string };
    loadTypeScriptCompilerOptions(path: string): Record<string, unknown>;
  };
  const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
  const tsconfig = process.env.PULUMI_NODEJS_TSCONFIG_PATH ?? "tsconfig.json";
  const [major, minor] = String((require(typescriptRequire) as { version: string }).version).split(".").map(Number);
  const nodeNext = major > 4 || (major === 4 && minor >= 7);
  (require(tsnodeRequire) as { register(options: object): void }).register({
    compiler: typescriptRequire,
    transpileOnly: true,
    project: tsconfig,
    skipProject: !existsSync(tsconfig),
    compilerOptions: {
      target: "ES2020",
      module: nodeNext ? "nodenext" : "commonjs",
      moduleResolution: nodeNext ? "nodenext" : "node",
      sourceMap: "true",
      ...tsutils.loadTypeScriptCompilerOptions(tsconfig),
    },
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
}

async function loadProgram(main: string): Promise<unknown> {
  let mod: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program, as the language host loads it
    mod = require(main);
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_REQUIRE_ESM") throw withMappedStack(e);
    mod = await import(pathToFileURL(main).href);
  }
  // As the language host does: a default-exported function is the program, its result the stack outputs.
  const exported = typeof mod === "function" ? mod : typeof mod?.default === "function" ? mod.default : undefined;
  return exported ? await exported() : mod;
}

async function run(): Promise<void> {
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  process.on("exit", (code) => {
    if (!finished) write({ ok: false, error: `the program called process.exit(${code}) before it finished` });
  });
  process.chdir(job.projectDir);
  deferUnusedSdkModules(job.projectDir);
  // The program's own copy of @pulumi/pulumi, so the mocks and the program share one runtime state.
  const pulumiEntry = require.resolve("@pulumi/pulumi", { paths: [job.projectDir] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from the program's directory
  const pulumi = require(pulumiEntry) as typeof import("@pulumi/pulumi");
  if (/\.[cm]?tsx?$/.test(job.main)) registerTypeScript(dirname(pulumiEntry));
  const mocks = new OfflineMocks();
  collectWhileRegistering(mocks);
  await installOfflineMocks(pulumi, mocks, job.project, job.stack);
  // The runtime reads a stack trace for every resource and promise (debug context, source position); mapping each one
  // through source maps costs more than registering the resource. The program's errors get mapped stacks (withMappedStack).
  Error.prepareStackTrace = plainStack;
  // Source maps of the compiled program (ts-node's inline maps), for the declaring lines of resources.
  (nodeModule as { setSourceMapsSupport?: (enabled: boolean) => void }).setSourceMapsSupport?.(true);
  skipRuntimeStacks(job.projectDir, pulumi);
  await pulumi.runtime.runInPulumiStack(() => loadProgram(job.main));
  await pulumi.runtime.disconnect();
  // A registration that failed (an apply that threw) leaves a rejected output: Node reports it as an unhandled
  // rejection once this turn's microtasks are done, as the language host sees it. Let that happen first.
  await new Promise((resolveTurn) => setTimeout(resolveTurn, 10));
  if (finished) return;
  if (pulumi.log.hasErrors()) throw new Error("the program logged errors (see its output above)");
  const notExpanded = new Set(mocks.notExpanded.map((r) => r.urn));
  const resources: RecordedProgramResource[] = mocks.resources.map((r) => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    custom: r.custom,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.provider ? { provider: r.provider } : {}),
    dependencies: r.dependencies ?? [],
    propertyDependencies: r.propertyDependencies ?? {},
    read: r.read,
    ...(r.source ? { source: r.source } : {}),
    properties: plain(r.state) as Record<string, unknown>,
    notExpanded: notExpanded.has(r.urn),
  }));
  finished = true;
  write({ ok: true, resources, unansweredInvokes: mocks.unansweredInvokes() });
}

run().then(() => process.exit(0), fail);
