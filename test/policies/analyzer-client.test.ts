import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultPolicyPackDir, packCommand, PolicyPackProcess } from "../../cli/analyzer-client";

describe("analyzer client: starting a pack", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "kamae-pack-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("runs the repository's pack from index.ts through tsx, in the directory of its package.json", () => {
    const { args, cwd } = packCommand(defaultPolicyPackDir());
    assert.equal(cwd, defaultPolicyPackDir());
    assert.deepEqual(args.slice(-1), [join(defaultPolicyPackDir(), "index.ts")]);
    assert.ok(args.includes("--require"));
  });

  it("runs a compiled pack (index.js) with the nearest package.json above it as working directory", () => {
    const packDir = join(dir, "dist", "policies");
    mkdirSync(packDir, { recursive: true });
    writeFileSync(join(packDir, "index.js"), "");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "kamae", version: "9.9.9" }));
    assert.deepEqual(packCommand(packDir), { args: [join(packDir, "index.js")], cwd: dir });
  });

  it("refuses a directory with nothing to run", () => {
    assert.throws(() => packCommand(dir), /no index\.js or index\.ts/);
  });

  it("reports a pack that exits before serving, with its stderr", async () => {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "broken", version: "1.0.0" }));
    writeFileSync(join(dir, "index.js"), 'console.error("boom: policy failed to load"); process.exit(3);');
    await assert.rejects(PolicyPackProcess.start(dir), /exited with code 3 before serving[\s\S]*boom: policy failed to load/);
  });

  it("reports a pack that prints something other than a port", async () => {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "chatty", version: "1.0.0" }));
    writeFileSync(join(dir, "index.js"), 'console.log("hello"); setTimeout(() => {}, 10000);');
    await assert.rejects(PolicyPackProcess.start(dir), /printed "hello" instead of a port/);
  });
});
