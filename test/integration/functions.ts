import { type ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

export interface Invocation {
  /** What the handler returned, or undefined when it threw. */
  readonly result?: unknown;
  /** The error the handler threw (Lambda would retry, then send the event to the failure destination). */
  readonly error?: { name: string; message: string };
  /** The structured log lines the function wrote during this invocation (Powertools JSON, one object a line). */
  readonly logs: Array<Record<string, unknown>>;
}

/**
 * A built Lambda bundle (dist/functions/<name>/index.js, as `npm run build:functions` writes it) running in its own
 * Node.js process with only the environment a deployment would give it plus the emulator's endpoint and keys. One
 * LambdaFunction is one execution environment: module state (caches, write spacing) lives across its invocations.
 */
export class LambdaFunction {
  private nextId = 0;
  private readonly pending = new Map<number, (m: { result?: unknown; error?: { name: string; message: string } }) => void>();
  /** Invocation id -> how many of its end markers (one per output stream) have been read. */
  private readonly ended = new Map<number, number>();
  private readonly endWaiters = new Map<number, () => void>();
  private lines: Array<Record<string, unknown>> = [];
  private buffered = "";

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout!.on("data", (chunk: Buffer) => this.collect(chunk));
    child.stderr!.on("data", (chunk: Buffer) => this.collect(chunk));
    child.on("message", (m: { id?: number; result?: unknown; error?: { name: string; message: string } }) => {
      if (m.id === undefined) return;
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    });
  }

  /** Starts the function with `env` (its settings; the endpoint, keys and Region come from the emulator). */
  static async start(name: string, env: Record<string, string>): Promise<LambdaFunction> {
    const bundle = join(ROOT, "dist", "functions", name, "index.js");
    if (!existsSync(bundle)) throw new Error(`${bundle} is not built: run npm run build:functions`);
    const base: Record<string, string> = {};
    for (const k of ["PATH", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"]) {
      if (process.env[k] !== undefined) base[k] = process.env[k]!;
    }
    const child = fork(join(__dirname, "function-host.cjs"), [bundle], {
      env: { ...base, AWS_LAMBDA_FUNCTION_NAME: name, POWERTOOLS_DEV: "false", ...env },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      execArgv: [],
    });
    const fn = new LambdaFunction(name, child);
    await new Promise<void>((resolve, reject) => {
      child.once("message", (m: { kind?: string; error?: { message: string } }) =>
        m.kind === "ready" ? resolve() : reject(new Error(`${name} failed at cold start: ${m.error?.message}\n${fn.logText()}`)),
      );
      child.once("exit", (code) => reject(new Error(`${name} exited with ${code} at cold start\n${fn.logText()}`)));
    });
    return fn;
  }

  async invoke(event: unknown): Promise<Invocation> {
    const id = this.nextId++;
    const before = this.lines.length;
    const drained = new Promise<void>((resolve) => this.endWaiters.set(id, resolve));
    const answer = await new Promise<{ result?: unknown; error?: { name: string; message: string } }>((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ id, event });
    });
    await drained;
    return { ...answer, logs: this.lines.slice(before) };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.kill("SIGTERM");
    });
  }

  logText(): string {
    return this.lines.map((l) => JSON.stringify(l)).join("\n");
  }

  private collect(chunk: Buffer): void {
    this.buffered += chunk.toString();
    const parts = this.buffered.split("\n");
    this.buffered = parts.pop()!;
    for (const line of parts) {
      if (line.trim() === "") continue;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        parsed = { message: line };
      }
      const end = parsed.kamaeInvocationEnd;
      if (typeof end === "number") {
        const seen = (this.ended.get(end) ?? 0) + 1;
        this.ended.set(end, seen);
        if (seen === 2) this.endWaiters.get(end)?.();
        continue;
      }
      this.lines.push(parsed);
    }
  }
}
