import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// What `npm pack` ships, and that it works once installed: every component constructs from an unpacked tarball in an
// empty project, and every Lambda function's code is the bundle inside that installed package.
const root = join(__dirname, "..", "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

interface PackedFile {
  readonly path: string;
}

/** The function bundles the build makes: one per `components/<capability>/lambda/<name>.handler.ts`. */
function entryPointNames(): string[] {
  const names: string[] = [];
  for (const capability of readdirSync(join(root, "components"))) {
    const lambda = join(root, "components", capability, "lambda");
    if (!existsSync(lambda)) continue;
    for (const f of readdirSync(lambda)) if (f.endsWith(".handler.ts")) names.push(f.slice(0, -".handler.ts".length));
  }
  return names.sort();
}

describe("npm package", function () {
  this.timeout(300_000);
  let work: string;
  let files: string[];
  let tarball: string;

  before(function () {
    const built = existsSync(join(root, "dist", "components", "index.js")) && entryPointNames().every((n) => existsSync(join(root, "dist", "functions", n, "index.js")));
    if (!built) {
      console.log("    skipped: dist/ is missing or incomplete; run `npm run build` first (`npm test` does)");
      this.skip();
    }
    work = mkdtempSync(join(tmpdir(), "kamae-pack-"));
    // --ignore-scripts: the build already ran (prepack would rebuild dist/ under the other tests' feet).
    const out = execFileSync(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const [info] = JSON.parse(out) as Array<{ filename: string; files: PackedFile[] }>;
    files = info.files.map((f) => f.path).sort();
    tarball = join(work, info.filename);
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("contains the compiled library, every function bundle, the policy pack, the CLI, READMEs and LICENSE", () => {
    for (const f of [
      "package.json",
      "README.md",
      "LICENSE",
      "PulumiPlugin.yaml",
      "bin/kamae.js",
      "dist/components/index.js",
      "dist/components/index.d.ts",
      "dist/policies/index.js",
      "dist/policies/policies.js",
      "dist/policies/policies.d.ts",
      // The pack as `pulumi preview --policy-pack node_modules/kamae/dist/policies` runs it.
      "dist/policies/PulumiPolicy.yaml",
      "dist/policies/package.json",
      "dist/cli/main.js",
      "dist/cli/offline-mocks.js",
    ]) {
      assert.ok(files.includes(f), `${f} is not in the package`);
    }
    for (const name of entryPointNames()) assert.ok(files.includes(`dist/functions/${name}/index.js`), `bundle ${name} is not in the package`);
    const componentReadmes = readdirSync(join(root, "components")).filter((c) => existsSync(join(root, "components", c, "README.md")));
    for (const c of componentReadmes) assert.ok(files.includes(`components/${c}/README.md`), `components/${c}/README.md is not in the package`);
  });

  it("contains no tests, fixtures, benchmarks, examples, TypeScript sources or compiled Lambda entry points", () => {
    const forbidden = files.filter(
      (f) =>
        /(^|\/)(test|tests|fixtures|bench|examples)\//.test(f) ||
        /\.test\.(js|ts|d\.ts)$/.test(f) ||
        (f.endsWith(".ts") && !f.endsWith(".d.ts")) ||
        // Entry points live only as bundles (dist/functions); their decision modules may be compiled when a component imports them.
        /\.handler\.(js|d\.ts)$/.test(f) ||
        /(^|\/)\.env/.test(f),
    );
    assert.deepEqual(forbidden, []);
  });

  it("ships what the CI recipes in examples/ci/ use", () => {
    const recipes = readdirSync(join(root, "examples", "ci")).filter((f) => f.endsWith(".yml"));
    assert.ok(recipes.length >= 2, "examples/ci/ needs the preview and the SARIF workflows");
    for (const recipe of recipes) {
      const text = readFileSync(join(root, "examples", "ci", recipe), "utf8");
      for (const [, dir] of text.matchAll(/node_modules\/kamae\/([\w/.-]+)/g)) {
        const inPackage = dir.replace(/\/$/, "");
        assert.ok(
          files.some((f) => f === inPackage || f.startsWith(`${inPackage}/`)),
          `${recipe} uses node_modules/kamae/${dir}, which the package does not ship`,
        );
        if (text.includes("--policy-pack ")) assert.ok(files.includes(`${inPackage}/PulumiPolicy.yaml`), `${recipe}: ${inPackage} is not a policy pack directory`);
      }
    }
    const joined = recipes.map((r) => readFileSync(join(root, "examples", "ci", r), "utf8")).join("\n");
    assert.match(joined, /--policy-pack node_modules\/kamae\/dist\/policies/);
    assert.match(joined, /kamae check .* --format sarif --output/);
    assert.match(joined, /upload-sarif/);
  });

  it("constructs every exported component from the installed package, with each function's code inside its dist/functions", function () {
    const project = join(work, "consumer");
    const installed = join(project, "node_modules", "kamae");
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
    copyFileSync(join(__dirname, "construct-installed.js"), join(project, "index.js"));
    // Nothing is downloaded: @pulumi/* and the other dependencies come from this repository's node_modules.
    const child = spawnSync(process.execPath, ["index.js"], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: join(root, "node_modules"), NODE_OPTIONS: "" },
      timeout: 240_000,
    });
    assert.equal(child.status, 0, `the consumer program failed:\n${child.stderr}`);
    const result = JSON.parse(child.stdout) as { kamaeRoot: string; exported: string[]; constructed: string[]; errors: string[]; functions: Array<{ name: string; paths: string[] }> };
    assert.equal(result.kamaeRoot, installed);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.constructed, result.exported);
    assert.ok(result.exported.length >= 10, `only ${result.exported.length} components exported`);

    const bundles = join(installed, "dist", "functions") + "/";
    assert.ok(result.functions.length > 0, "no Lambda function was created");
    for (const fn of result.functions) {
      assert.ok(fn.paths.length > 0, `${fn.name}: no code archive`);
      for (const p of fn.paths) assert.ok(p.startsWith(bundles), `${fn.name}: code ${p} is not inside the installed package's dist/functions/`);
    }
    // Every bundle shipped is used by some component, so each one was found from the installed package.
    const used = new Set(result.functions.flatMap((f) => f.paths.map((p) => p.slice(bundles.length).split("/")[0])));
    assert.deepEqual([...used].sort(), entryPointNames());
  });
});
