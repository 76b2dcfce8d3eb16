import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { checkProgram } from "../../cli/check";

// The compiled pack as `pulumi policy publish` ships it: dist/policies alone, with its own package.json. Proven by
// packing that folder, installing the tarball in an empty folder (its dependencies from the registry) and running it
// over the analyzer protocol, as the engine runs a pack.
const root = join(__dirname, "..", "..");
const packDir = join(root, "dist", "policies");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string>; peerDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

/** Module specifiers of a compiled file: `require(…)` in JavaScript; imports and re-exports in declarations. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const pattern = file.endsWith(".d.ts") ? /(?:^(?:import|export)\s[^;]*?\bfrom\s+|^import\s+|\bimport\(\s*)["']([^"']+)["']/gm : /\brequire(?:\.resolve)?\(\s*["']([^"']+)["']/g;
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

const packageOf = (spec: string) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");
const isBuiltin = (spec: string) => spec.startsWith("node:") || builtinModules.includes(packageOf(spec));

describe("the policy pack folder (dist/policies) is publishable on its own", function () {
  this.timeout(600_000);

  before(function () {
    if (!existsSync(join(packDir, "index.js"))) {
      console.log("    skipped: dist/policies is missing; run `npm run build` first (`npm test` does)");
      this.skip();
    }
  });

  it("requires nothing outside its folder, and declares every package it loads at the version of the root lock", () => {
    const manifest = JSON.parse(readFileSync(join(packDir, "package.json"), "utf8")) as { name: string; version: string; main: string; dependencies?: Record<string, string> };
    assert.equal(manifest.main, "index.js");
    assert.equal(manifest.version, rootManifest.version);
    assert.match(readFileSync(join(packDir, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
    const outside: string[] = [];
    const packages = new Set<string>();
    for (const file of filesUnder(packDir).filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))) {
      for (const spec of specifiers(file)) {
        if (spec.startsWith(".")) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(packDir + sep)) outside.push(`${relative(packDir, file)}: ${spec}`);
        } else if (!isBuiltin(spec)) {
          packages.add(packageOf(spec));
        }
      }
    }
    assert.deepEqual(outside, []);
    assert.ok(packages.has("@pulumi/policy"), "the pack serves @pulumi/policy's PolicyPack");
    assert.deepEqual(
      Object.keys(manifest.dependencies ?? {}).sort(),
      [...packages].sort(),
      "dist/policies/package.json lists exactly the packages its modules load",
    );
    for (const [name, version] of Object.entries(manifest.dependencies ?? {})) {
      assert.equal(version, lock.packages[`node_modules/${name}`]?.version, `${name}: not the version of package-lock.json`);
      assert.ok(name in rootManifest.dependencies || name in rootManifest.peerDependencies, `${name}: the pack needs it but the root package.json does not declare it`);
    }
  });

  it("installs from its own tarball in an unrelated folder and reports a known violation over the analyzer protocol", async () => {
    // The pack must find its packages in its own install, never in this repository's node_modules.
    assert.equal(process.env.NODE_PATH, undefined, "NODE_PATH would let the pack load this repository's packages");
    const work = mkdtempSync(join(tmpdir(), "kamae-policy-pack-"));
    try {
      const [info] = JSON.parse(
        execFileSync(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: packDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
      ) as Array<{ filename: string; name: string; files: Array<{ path: string }> }>;
      assert.ok(info.files.some((f) => f.path === "PulumiPolicy.yaml"), "the tarball has no PulumiPolicy.yaml");
      const project = join(work, "project");
      mkdirSync(project);
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-the-pack", version: "1.0.0", private: true }));
      execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", join(work, info.filename)], {
        cwd: project,
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 480_000,
      });
      const installed = join(project, "node_modules", info.name);
      assert.ok(existsSync(join(installed, "node_modules", "@pulumi", "policy")) || existsSync(join(project, "node_modules", "@pulumi", "policy")), "npm did not install @pulumi/policy");

      const report = await checkProgram(join(__dirname, "fixtures", "open-ssh"), { policyPackDir: installed });
      assert.equal(report.policyPack.name, "kamae");
      assert.equal(report.policyPack.version, rootManifest.version);
      const violation = report.findings.find((f) => f.policyId === "restricted-ssh" && f.resourceName === "ssh-open");
      assert.ok(violation, `restricted-ssh did not report ssh-open: ${JSON.stringify(report.findings.map((f) => f.policyId))}`);
      assert.equal(violation.level, "mandatory");
      assert.equal(violation.cannotJudge, false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
