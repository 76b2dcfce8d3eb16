import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../components/shared/infra/artifact";

const root = packageRoot();

describe("build stamp (a build from unchanged inputs is skipped)", function () {
  this.timeout(300_000);
  let stamp: { inputsHash(root: string): string; stampOf(dir: string): string; builtFrom(dir: string, hash: string): boolean };
  let scratch: string;

  before(async () => {
    stamp = await import(join(root, "scripts", "build-stamp.mjs"));
    scratch = mkdtempSync(join(tmpdir(), "kamae-stamp-"));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  function tree(name: string): string {
    const dir = join(scratch, name);
    mkdirSync(join(dir, "components", "a", "lambda"), { recursive: true });
    writeFileSync(join(dir, "components", "a", "index.ts"), "export const a = 1;\n");
    writeFileSync(join(dir, "components", "a", "lambda", "f.handler.ts"), "export const handler = 1;\n");
    writeFileSync(join(dir, "package-lock.json"), "{}\n");
    return dir;
  }

  it("hashes every input: the same tree the same, any edit, new file, rename or lock change differently", () => {
    const base = stamp.inputsHash(tree("base"));
    assert.equal(stamp.inputsHash(tree("same")), base);
    const edited = tree("edited");
    writeFileSync(join(edited, "components", "a", "lambda", "f.handler.ts"), "export const handler = 2;\n");
    const added = tree("added");
    writeFileSync(join(added, "components", "a", "README.md"), "new\n");
    const renamed = tree("renamed");
    renameSync(join(renamed, "components", "a", "index.ts"), join(renamed, "components", "a", "main.ts"));
    const lock = tree("lock");
    writeFileSync(join(lock, "package-lock.json"), '{"lockfileVersion":3}\n');
    const hashes = [base, ...[edited, added, renamed, lock].map((d) => stamp.inputsHash(d))];
    assert.equal(new Set(hashes).size, hashes.length);
  });

  it("counts a folder built only when it exists and its stamp names the current inputs", () => {
    const out = join(scratch, "out");
    assert.equal(stamp.builtFrom(out, "h1"), false);
    mkdirSync(out);
    assert.equal(stamp.builtFrom(out, "h1"), false, "no stamp yet");
    writeFileSync(stamp.stampOf(out), "h1");
    assert.equal(stamp.builtFrom(out, "h1"), true);
    assert.equal(stamp.builtFrom(out, "h2"), false, "inputs changed since");
    rmSync(out, { recursive: true });
    assert.equal(stamp.builtFrom(out, "h1"), false, "outputs deleted");
  });

  it("skips a functions build whose output is stamped with the current inputs, and leaves the bundles untouched", () => {
    const out = join(scratch, "functions");
    mkdirSync(join(out, "some-function"), { recursive: true });
    writeFileSync(join(out, "some-function", "index.js"), "// built\n");
    const before = statSync(join(out, "some-function", "index.js")).mtimeMs;
    writeFileSync(stamp.stampOf(out), stamp.inputsHash(root));
    const printed = execFileSync(process.execPath, [join(root, "scripts", "build.mjs"), "--functions-only", "--out", out], { cwd: root, encoding: "utf8" });
    assert.match(printed, /inputs unchanged/);
    assert.equal(statSync(join(out, "some-function", "index.js")).mtimeMs, before);
  });
});
