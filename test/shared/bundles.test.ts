import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../components/shared/infra/artifact";

const root = packageRoot();
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function entryPoints(): Promise<Array<{ name: string; path: string }>> {
  const { findEntryPoints } = await import(join(root, "scripts", "entry-points.mjs"));
  return findEntryPoints(root);
}

function buildInto(dir: string): void {
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs"), "--functions-only", "--out", dir], { cwd: root, stdio: "pipe" });
}

describe("Lambda bundles (npm run build)", function () {
  this.timeout(300_000);
  let entries: Array<{ name: string; path: string }>;
  let reference: string;
  let scratch: string;

  before(async () => {
    entries = await entryPoints();
    scratch = mkdtempSync(join(tmpdir(), "kamae-bundles-"));
    // Two fresh builds into two temporary folders of different names, never the dist/ on disk: that one may be older
    // than the sources, and comparing with it fails on any source change whatever the build does.
    reference = join(scratch, "first");
    buildInto(reference);
    buildInto(join(scratch, "second-build"));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("finds the functions of every capability", () => {
    assert.ok(entries.length >= 5, `expected the responders' entry points, found ${entries.map((e) => e.name).join(", ")}`);
  });

  it("writes one minified bundle with a source map per function, and a second build gives identical bytes", () => {
    for (const { name } of entries) {
      const first = join(reference, name, "index.js");
      const second = join(scratch, "second-build", name, "index.js");
      assert.ok(existsSync(first), `${name}: no bundle at ${first}`);
      assert.equal(sha(second), sha(first), `${name}: bundle differs between two builds`);
      assert.equal(sha(`${second}.map`), sha(`${first}.map`), `${name}: source map differs between two builds`);
      assert.ok(!readFileSync(`${first}.map`, "utf8").includes(root), `${name}: source map holds the absolute checkout path`);
      assert.ok(!readFileSync(first, "utf8").includes(scratch), `${name}: bundle holds its output path`);
      // Minified code is a few very long lines (template literals keep their newlines, so count length, not lines).
      const text = readFileSync(first, "utf8");
      const averageLine = text.length / text.split("\n").length;
      assert.ok(averageLine > 1000, `${name}: bundle is not minified (average line ${Math.round(averageLine)} characters)`);
    }
  });

  it("runs from a directory with no node_modules: the SDK and every dependency are inside the bundle", () => {
    for (const { name } of entries) {
      const dir = mkdtempSync(join(scratch, `${name}-`));
      copyFileSync(join(reference, name, "index.js"), join(dir, "index.js"));
      // Settings are checked at cold start; a missing setting is a ConfigurationError, a missing module is a failure.
      const probe = `try { const m = require("./index.js"); process.exit(typeof m.handler === "function" ? 0 : 3); }
        catch (e) { if (e && e.name === "ConfigurationError") process.exit(0); console.error(e && e.stack); process.exit(1); }`;
      const run = spawnSync(process.execPath, ["-e", probe], { cwd: dir, env: { PATH: process.env.PATH, AWS_REGION: "us-east-1" }, encoding: "utf8" });
      assert.equal(run.status, 0, `${name}: the bundle does not load on its own: ${run.stderr}`);
      assert.ok(statSync(join(dir, "index.js")).size < 5 * 1024 * 1024, `${name}: bundle over 5 MB`);
    }
  });
});
