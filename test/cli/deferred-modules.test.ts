import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * cli/deferred-modules.ts, in fresh processes (this one has loaded the SDK already): the SDK loads without its
 * automation API and arborist, and code that uses them gets the same exports as without the stand-ins.
 */
const ROOT = join(__dirname, "..", "..");

function inFreshProcess(defer: boolean): Record<string, any> {
  const script = `
    ${defer ? `require(${JSON.stringify(join(ROOT, "cli", "deferred-modules.ts"))}).deferUnusedSdkModules(${JSON.stringify(ROOT)});` : ""}
    const loaded = (part) => Object.keys(require.cache).filter((f) => f.includes(part)).length;
    const pulumi = require("@pulumi/pulumi");
    const before = { automation: loaded("/@pulumi/pulumi/automation/"), arborist: loaded("/@npmcli/arborist/") };
    const automationKeys = Object.keys(pulumi.automation).sort();
    const localWorkspace = typeof pulumi.automation.LocalWorkspace.create;
    const arborist = require("@npmcli/arborist");
    const viaDefaultImport = arborist.__esModule ? arborist.default : arborist;
    const after = { automation: loaded("/@pulumi/pulumi/automation/"), arborist: loaded("/@npmcli/arborist/") };
    process.stdout.write(JSON.stringify({ before, after, automationKeys, localWorkspace, arborist: typeof arborist.Arborist, viaDefaultImport: typeof viaDefaultImport, sameClass: viaDefaultImport === arborist.Arborist || viaDefaultImport.Arborist === arborist.Arborist }));
  `;
  const child = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

describe("deferUnusedSdkModules", () => {
  it("keeps the SDK's automation API and arborist unloaded until first use, then gives the same exports", () => {
    const plain = inFreshProcess(false);
    const deferred = inFreshProcess(true);
    assert.ok(plain.before.automation > 1 && plain.before.arborist > 1, "without stand-ins the SDK loads both at start");
    // Only the stand-ins are in the cache until the program touches them.
    assert.deepEqual(deferred.before, { automation: 1, arborist: 1 });
    assert.ok(deferred.after.automation > 1 && deferred.after.arborist > 1, "first use loads the real modules");
    assert.deepEqual(deferred.automationKeys, plain.automationKeys);
    assert.equal(deferred.localWorkspace, "function");
    assert.equal(deferred.arborist, "function");
    assert.equal(deferred.viaDefaultImport, plain.viaDefaultImport, "a default import of the CommonJS module is the module, as without the stand-in");
    assert.equal(deferred.sameClass, true);
  });
});
