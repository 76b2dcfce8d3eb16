import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as ts from "typescript";

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

/**
 * The tsconfig.json of Pulumi's `aws-typescript` template (pulumi/templates), which `pulumi new` writes: node10 module
 * resolution, which ignores package.json `exports`.
 */
const PULUMI_TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
};

/** The packages a compiled module, and every module of the package it loads, require (`require`, `require.resolve`). */
function packagesLoadedFrom(entries: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/\brequire(?:\.resolve)?\(\s*["']([^"']+)["']/g)) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec);
        const next = [target, `${target}.js`, join(target, "index.js")].find((f) => f.endsWith(".js") && existsSync(f));
        if (next) visit(next);
        continue;
      }
      const name = spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");
      if (!spec.startsWith("node:") && !builtinModules.includes(name) && !found.has(name)) found.set(name, file.slice(root.length + 1));
    }
  };
  entries.forEach(visit);
  return found;
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

  it("declares in dependencies or peerDependencies every package its entry points load (nothing comes from hoisting)", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      main: string;
      bin: Record<string, string>;
      exports: Record<string, string | { default?: string }>;
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    const entries = [
      manifest.main,
      ...Object.values(manifest.bin),
      ...Object.values(manifest.exports).map((e) => (typeof e === "string" ? e : e.default)),
      // The CLI, which bin/kamae.js loads by path.
      "dist/cli/main.js",
    ].filter((e): e is string => e !== undefined && e.endsWith(".js"));
    const undeclared = [...packagesLoadedFrom(entries.map((e) => join(root, e)))]
      .filter(([name]) => !(name in manifest.dependencies) && !(name in manifest.peerDependencies))
      .map(([name, from]) => `${name} (loaded by ${from})`);
    assert.deepEqual(undeclared, []);
  });

  it("resolves `kamae` and `kamae/policies` under Pulumi's default tsconfig, and a consumer of the policies typechecks", function () {
    const project = join(work, "typecheck");
    const installed = join(project, "node_modules", "kamae");
    mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
    // Types of Pulumi's packages from this repository, as a consumer's own install would provide them.
    symlinkSync(join(root, "node_modules", "@pulumi"), join(project, "node_modules", "@pulumi"));
    mkdirSync(join(project, "node_modules", "@types"));
    symlinkSync(join(root, "node_modules", "@types", "node"), join(project, "node_modules", "@types", "node"));
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(PULUMI_TEMPLATE_TSCONFIG, null, 2));
    writeFileSync(
      join(project, "index.ts"),
      ['import { policies, selectPolicies } from "kamae/policies";', "export const names: string[] = policies.map((p) => p.name);", "export const s3 = selectPolicies((e) => e.id.startsWith(\"s3-\")).length;", ""].join("\n"),
    );

    const options = ts.parseJsonConfigFileContent(PULUMI_TEMPLATE_TSCONFIG, ts.sys, project).options;
    const resolved = (name: string) => ts.resolveModuleName(name, join(project, "index.ts"), options, ts.sys).resolvedModule?.resolvedFileName;
    assert.equal(resolved("kamae"), join(installed, "dist", "components", "index.d.ts"));
    assert.equal(resolved("kamae/policies"), join(installed, "dist", "policies", "policies.d.ts"));

    const run = spawnSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project, "--noEmit", "--pretty", "false", "--listFiles"], { encoding: "utf8", timeout: 240_000 });
    const lines = run.stdout.split("\n");
    assert.ok(lines.includes(join(installed, "dist", "policies", "policies.d.ts")), `tsc did not load the installed kamae/policies:\n${run.stdout.slice(0, 2000)}`);
    // @pulumi/policy 1.21.0's index.d.ts re-exports two names its own proxy.d.ts does not declare: not Kamae's to fix.
    const errors = lines.filter((l) => / error TS\d+:/.test(l) && !l.includes("node_modules/@pulumi/policy/"));
    assert.deepEqual(errors, []);
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
