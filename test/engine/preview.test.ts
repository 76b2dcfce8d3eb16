import { strict as assert } from "node:assert";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { checkProgram, type Finding } from "../../cli/check";
import { type EngineFinding, engineAvailable, POLICY_PACK, previewUnderEngine, pulumiCommand, ROOT } from "./engine";
import { explainedBy, KNOWN_LIMITS } from "./known-limits";

// The real engine against `kamae check`: `pulumi preview --policy-pack` (with the program's stack config and pack
// config) on the reference stack, every example and every program of the corpus (test/programs/), each compared
// finding by finding with `kamae check` on the same program. A difference fails unless it is a documented limit of
// the offline check (known-limits.ts, each one described in cli/README.md).

interface Program {
  readonly label: string;
  readonly dir: string;
  readonly stackConfigFile?: string;
  readonly policyConfigFile?: string;
}

function programsIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((d) => join(folder, d))
    .filter((d) => existsSync(join(d, "Pulumi.yaml")))
    .sort();
}

/** Corpus programs the engine suite cannot run with its stubs yet, each with the reason (see test/engine/README.md). */
const NOT_UNDER_THE_ENGINE: Record<string, string> = {
  // Closure serialization packs the program folder's node_modules, which the suite's temporary copy does not have.
  "test/programs/lambda-http-api-callback": "inline Lambda callback",
  "test/programs/s3-upload-trigger": "inline Lambda callback",
  // The awsx stub expands only awsx:ec2:Vpc; awsx's ECS and load-balancer components fail under it.
  "test/programs/ecs-fargate-awsx": "awsx ECS and load-balancer components",
};

const programs: Program[] = [ROOT, ...programsIn(join(ROOT, "examples")), ...programsIn(join(ROOT, "test", "programs"))]
  .filter((dir) => !(relative(ROOT, dir) in NOT_UNDER_THE_ENGINE))
  .map((dir) => ({
  label: relative(ROOT, dir) || "(root) reference stack",
  dir,
  stackConfigFile: existsSync(join(dir, "Pulumi.dev.yaml")) ? join(dir, "Pulumi.dev.yaml") : undefined,
  policyConfigFile: existsSync(join(dir, "policy-config.json")) ? join(dir, "policy-config.json") : undefined,
}));

/** The engine names the stack resource for stack-level verdicts; `kamae check` names none. Both read "(stack)". */
const isStack = (urn: string | undefined) => urn === undefined || urn.split("::")[2] === "pulumi:pulumi:Stack";
const key = (f: { policyId: string; resourceUrn?: string; level: string }) => `${f.policyId} ${f.level} ${isStack(f.resourceUrn) ? "(stack)" : f.resourceUrn}`;

/** Findings only one side reported, each with the known limit that explains it (if any). */
function compare(label: string, offline: Finding[], engine: EngineFinding[]) {
  const offlineKeys = new Set(offline.filter((f) => f.level === "advisory" || f.level === "mandatory").map(key));
  const engineKeys = new Set(engine.map(key));
  const onlyOffline = [...offlineKeys].filter((k) => !engineKeys.has(k)).sort();
  const onlyEngine = [...engineKeys].filter((k) => !offlineKeys.has(k)).sort();
  const all = [...onlyOffline.map((k) => ({ side: "offline" as const, key: k })), ...onlyEngine.map((k) => ({ side: "engine" as const, key: k }))];
  return all.map((d) => ({ ...d, limit: explainedBy(label, d.side, d.key) }));
}

if (!engineAvailable() && process.env.CI) throw new Error("CI needs the Pulumi CLI: run scripts/engine/build-pulumi.sh");
const describeWithEngine = engineAvailable() ? describe : describe.skip;

describeWithEngine("the real Pulumi engine: pulumi preview --policy-pack, compared with kamae check", function () {
  before(async () => {
    assert.ok(existsSync(join(POLICY_PACK, "index.js")), "the engine suite judges with the built pack: run npm run build first");
    const cli = await pulumiCommand();
    console.log(`engine: Pulumi CLI ${cli.version?.toString() ?? "(unknown version)"} built from its Go modules; stub providers and policy analyzer from test/engine/bin`);
  });

  it("fails the preview (non-zero exit) on a mandatory violation, with the verdicts kamae check gives", async () => {
    const dir = join(ROOT, "test", "cli", "fixtures", "insecure");
    const offline = await checkProgram(dir, { policyPackDir: POLICY_PACK });
    const engine = await previewUnderEngine({ programDir: dir, stack: offline.stack });
    const mandatory = engine.findings.filter((f) => f.level === "mandatory" && !f.suppressed);
    console.log(`engine: test/cli/fixtures/insecure: exit ${engine.code}, ${mandatory.length} mandatory, ${engine.findings.length - mandatory.length} advisory`);
    assert.notEqual(engine.code, 0, engine.output);
    assert.ok(mandatory.length > 0, `a failed preview names the mandatory policies it failed on\n${engine.output.slice(-6000)}`);
    assert.deepEqual(compare("test/cli/fixtures/insecure", offline.findings, engine.findings).filter((d) => !d.limit), []);
  });

  for (const program of programs) {
    it(`${program.label}: the engine's verdicts are kamae check's, or a documented limit`, async () => {
      // Both at once (kamae check runs in its own processes): the stack name is the one kamae check derives.
      const stack = program.stackConfigFile ? "dev" : "offline";
      const [offline, engine] = await Promise.all([
        checkProgram(program.dir, { policyPackDir: POLICY_PACK, stackConfigFile: program.stackConfigFile, policyConfigFile: program.policyConfigFile }),
        previewUnderEngine({ programDir: program.dir, stack, stackConfigFile: program.stackConfigFile, policyConfigFile: program.policyConfigFile }),
      ]);
      assert.equal(offline.stack, stack, "the URNs compared name the same stack");
      // Suppressed findings keep their level on both sides; only unsuppressed mandatory ones fail a preview.
      const mandatory = engine.findings.filter((f) => f.level === "mandatory" && !f.suppressed).length;
      console.log(
        `engine: ${program.label}: exit ${engine.code}, ${engine.resources.length} resources, ${mandatory} mandatory, ${engine.findings.length - mandatory} advisory` +
          ` | kamae check: ${offline.summary.resources} resources, ${offline.summary.mandatory} mandatory`,
      );
      const differences = compare(program.label, offline.findings, engine.findings);
      for (const d of differences) console.log(`  offline-vs-engine: only ${d.side}: ${d.key}${d.limit ? ` [known limit: ${d.limit}]` : " [UNEXPLAINED]"}`);
      if (differences.length === 0) console.log(`  offline-vs-engine: identical (${engine.findings.length} findings)`);
      // The whole program ran under the engine: every resource the offline run saw (and awsx's children besides).
      // Provider resources are left out on both sides: the engine adds a default provider per package.
      const notProvider = (r: { type: string }) => !r.type.startsWith("pulumi:providers:");
      const registered = engine.resources.filter(notProvider).length;
      const offlineCount = offline.resources.filter(notProvider).length;
      assert.ok(registered >= offlineCount, `the engine saw ${registered} resources, kamae check ${offlineCount}\n${engine.output.slice(-4000)}`);
      // The exit code follows the verdicts: non-zero exactly when a mandatory policy failed.
      assert.equal(engine.code !== 0, mandatory > 0, `exit ${engine.code} with ${mandatory} mandatory findings\n${engine.output.slice(-4000)}`);
      assert.deepEqual(differences.filter((d) => !d.limit), [], "differences that no documented limit explains");
    });
  }

  it("a policy config the pack's schemas refuse fails the preview and kamae check alike: a wrong type, a misspelled key", async () => {
    const dir = join(ROOT, "test", "cli", "fixtures", "insecure");
    const tmp = mkdtempSync(join(tmpdir(), "kamae-engine-config-"));
    try {
      const wrongType = join(tmp, "wrong-type.json");
      writeFileSync(wrongType, JSON.stringify({ "restricted-common-ports": { blockedPorts: "3389" } }));
      const misspelled = join(tmp, "misspelled.json");
      writeFileSync(misspelled, JSON.stringify({ "restricted-ssh": { suppresions: [] } }));
      // The engine validates values against each configSchema before the run ...
      const typed = await previewUnderEngine({ programDir: dir, stack: "offline", policyConfigFile: wrongType });
      assert.notEqual(typed.code, 0);
      assert.match(typed.output, /validating policy config: kamae .*restricted-common-ports: blockedPorts: Invalid type/s);
      await assert.rejects(checkProgram(dir, { policyPackDir: POLICY_PACK, policyConfigFile: wrongType }), /policy "restricted-common-ports": key "blockedPorts": must be array/);
      // ... and lets a key no schema names through to the pack, whose policies refuse it on the first resource.
      const spelled = await previewUnderEngine({ programDir: dir, stack: "offline", policyConfigFile: misspelled });
      assert.notEqual(spelled.code, 0);
      assert.match(spelled.output, /policy "restricted-ssh" has no config key "suppresions"/);
      await assert.rejects(checkProgram(dir, { policyPackDir: POLICY_PACK, policyConfigFile: misspelled }), /policy "restricted-ssh": key "suppresions" is not one of its settings/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("every documented limit still explains a difference somewhere (none is stale)", function () {
    // Filled by the per-program tests above; a limit no program needs any more must leave the list and the README.
    const unused = KNOWN_LIMITS.filter((l) => !l.used);
    assert.deepEqual(unused.map((l) => l.id), []);
  });
});
