import { strict as assert } from "node:assert";
import { join } from "node:path";
import { main } from "../../cli/main";

// What ApiActivityAlerts (with a created trail) and GuardDutyResponder (every response routed) create, checked by
// `kamae check` with Kamae's own pack: the verdicts `pulumi preview --policy-pack policies` would give.
describe("ApiActivityAlerts and GuardDutyResponder against Kamae's policy pack", function () {
  this.timeout(180_000);

  it("violates no mandatory policy, and no policy at all on their resources but the opt-in S3 data events", async () => {
    let stdout = "";
    let stderr = "";
    const code = await main(["check", join(__dirname, "fixtures", "pack-program"), "--format", "json"], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    const types = new Set(report.resources.map((r: any) => r.type));
    for (const t of ["aws:cloudtrail/trail:Trail", "aws:sfn/stateMachine:StateMachine", "aws:s3/bucket:Bucket", "aws:lambda/function:Function", "aws:cloudwatch/eventRule:EventRule"]) {
      assert.ok(types.has(t), `${t} missing from the checked program`);
    }
    assert.deepEqual(report.findings.filter((f: any) => f.level === "mandatory"), []);
    // Suppressed findings (with their reasons, such as responders kept outside a VPC) are listed but accepted.
    const onResources = report.findings.filter((f: any) => f.resourceUrn && !f.suppressed && !f.cannotJudge).map((f: any) => `${f.policyId} ${f.resourceUrn.split("::").pop()}`);
    assert.deepEqual(onResources, ["cloudtrail-s3-dataevents-enabled audit-trail"]);
  });
});
