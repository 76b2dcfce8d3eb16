/**
 * The AWS emulator of the integration suites: moto's server (pinned, installed by scripts/emulator/install-moto.sh
 * into .cache/emulator/venv), started on a free loopback port before the suites and stopped after them. Every suite
 * reaches it through the standard AWS_ENDPOINT_URL, exactly as the deployed functions reach AWS.
 *
 * An endpoint given from outside (AWS_ENDPOINT_URL already set: LocalStack, a sandbox account) is used as is.
 * Without either, the suites skip locally and fail in CI (CI=true): the emulator suite may never pass by not running.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
export const MOTO_PYTHON = join(ROOT, ".cache", "emulator", "venv", "bin", "python");

let server: ChildProcess | undefined;
let output = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`moto exited with ${server.exitCode}:\n${output}`);
    try {
      // moto's own status route answers once every service is loaded.
      const res = await fetch(`${url}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`moto did not answer on ${url} within ${deadlineMs} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts moto unless an endpoint is given; returns the endpoint, or undefined when there is none (local skip). */
export async function startEmulator(): Promise<string | undefined> {
  if (process.env.AWS_ENDPOINT_URL) return process.env.AWS_ENDPOINT_URL;
  if (!existsSync(MOTO_PYTHON)) {
    if (process.env.CI) throw new Error(`the AWS emulator is not installed (${MOTO_PYTHON}): run scripts/emulator/install-moto.sh`);
    return undefined;
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = spawn(MOTO_PYTHON, [join(__dirname, "moto_server.py"), "-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    // The request log is kept only to explain a failed start; the tail is enough.
    output = (output + chunk.toString()).slice(-8000);
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  await waitUntilServing(url, 60_000);
  // Fake keys and a Region for everything the suites and the bundles create; moto accepts any keys.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
    AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    AWS_REGION: process.env.AWS_REGION ?? "us-east-1",
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  return url;
}

export async function stopEmulator(): Promise<void> {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    running.once("exit", () => resolve());
    running.kill("SIGTERM");
    setTimeout(() => running.kill("SIGKILL"), 5000).unref();
  });
  delete process.env.AWS_ENDPOINT_URL;
}
