import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

// The command users run: bin/kamae.js over the built dist/cli (built by `npm test` before the unit suite). Run from
// source, the test harness's TypeScript hook compiles the program a second time and its source map is lost, so source
// lines are asserted here, on the build.
const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "kamae.js");
const built = existsSync(join(root, "dist", "cli", "main.js"));
const fixture = join(__dirname, "fixtures", "insecure");

describe("kamae check, the built command", function () {
  this.timeout(120_000);

  before(function () {
    if (built) return;
    if (process.env.CI) throw new Error("dist/cli is missing: `npm run build` first");
    this.skip();
  });

  it("locates each SARIF result at the line of the program that declared its resource", () => {
    const run = spawnSync(process.execPath, [bin, "check", ".", "--format", "sarif"], { cwd: fixture, encoding: "utf8" });
    assert.equal(run.status, 1, run.stderr);
    const results = JSON.parse(run.stdout).runs[0].results as any[];
    const lines = new Map<string, Set<number>>();
    for (const r of results) {
      const name = r.locations[0].logicalLocations[0].name as string;
      const physical = r.locations[0].physicalLocation;
      assert.equal(physical.artifactLocation.uri, "index.ts", `${r.ruleId} on ${name}`);
      lines.set(name, (lines.get(name) ?? new Set()).add(physical.region.startLine));
    }
    // Lines of test/cli/fixtures/insecure/index.ts: each resource's `new`, the topic inside its component's constructor.
    assert.deepEqual(Object.fromEntries([...lines].map(([name, set]) => [name, [...set]])), {
      "open-bucket": [12],
      "ssh-world": [13],
      "ssh-bastion": [19],
      "holder-topic": [8],
    });
  });
});
