import { strict as assert } from "node:assert";
import type { PolicyInfo } from "../../cli/analyzer-client";
import { policyConfigErrors } from "../../cli/policy-config";

// The policy config validated against each policy's configSchema (as the engine validates it), plus what the engine
// lets through: keys no policy takes and policy names the pack does not know.
const policies: PolicyInfo[] = [
  {
    name: "restricted-common-ports",
    description: "",
    enforcementLevel: "mandatory",
    configSchema: {
      properties: {
        blockedPorts: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, default: [20, 21] },
        cannotJudge: { type: "string", enum: ["advisory", "mandatory", "disabled"], default: "advisory" },
      },
    },
  },
  { name: "needs-owner", description: "", enforcementLevel: "advisory", configSchema: { properties: { owner: { type: "string" } }, required: ["owner"] } },
];

describe("policy config validation", () => {
  it("accepts what each schema allows", () => {
    assert.deepEqual(policyConfigErrors({ all: "advisory", "restricted-common-ports": { enforcementLevel: "disabled", blockedPorts: [3389] }, "needs-owner": { owner: "platform" } }, policies), []);
  });

  it("names the policy, the key and what is wrong for every problem at once", () => {
    const errors = policyConfigErrors(
      { all: "strict", "restricted-common-ports": { blockedPorts: [22, "3389", 70000], blockedPort: [22], cannotJudge: "never", enforcementLevel: "hard" }, "restricted-ports": "advisory" },
      policies,
    );
    assert.deepEqual(errors.sort(), [
      '"all": must be an enforcement level (advisory, mandatory, remediate, disabled), got "strict"',
      '"restricted-ports": the pack has no such policy (kamae policies lists them)',
      'policy "needs-owner": key "owner" is required',
      'policy "restricted-common-ports": key "blockedPort" is not one of its settings (blockedPorts, cannotJudge)',
      'policy "restricted-common-ports": key "blockedPorts" at 1: must be integer',
      'policy "restricted-common-ports": key "blockedPorts" at 2: must be <= 65535',
      'policy "restricted-common-ports": key "cannotJudge": must be equal to one of the allowed values ("advisory", "mandatory", "disabled")',
      'policy "restricted-common-ports": key "enforcementLevel": must be one of advisory, mandatory, remediate, disabled, got "hard"',
    ]);
  });

  it("validates the values the engine would send: schema defaults and --cannot-judge included", () => {
    assert.deepEqual(policyConfigErrors({ "needs-owner": { owner: "x" } }, policies, { cannotJudge: "sometimes" }), [
      'policy "restricted-common-ports": key "cannotJudge": must be equal to one of the allowed values ("advisory", "mandatory", "disabled")',
    ]);
  });
});
