import { strict as assert } from "node:assert";
import { awsError } from "../harness/aws";
import { ACCOUNT, FakeAws, REGION } from "./fakes";
import { fixture, INSTANCE, run, VPC, webTier } from "./scenario";

/**
 * Fault injection, call by call: every AWS call of the isolation plan (and of its reads, record and report) fails in
 * turn with throttling, a missing permission and a conflict. Each run must end complete, or complete with the failure
 * reported, or fail the invocation (so it is retried and ends in the failure queue) — and the retry, with the fault
 * gone, must complete it. Never a silent partial success.
 */
const CALLS = [
  "DescribeInstances",
  "DescribeAutoScalingInstances",
  "DescribeTargetHealth",
  "DescribeSecurityGroups",
  "GetItem",
  "TransactWriteItems",
  "ModifyInstanceAttribute",
  "CreateTags",
  "DetachInstances",
  "DeregisterTargets",
  "CreateSecurityGroup",
  "AuthorizeSecurityGroupIngress",
  "AuthorizeSecurityGroupEgress",
  "RevokeSecurityGroupEgress",
  "ModifyNetworkInterfaceAttribute",
  "DisassociateAddress",
  "ReplaceIamInstanceProfileAssociation",
  "CreateSnapshots",
  "PutItem",
  "Publish",
];
const FAULTS: Record<string, () => Error> = {
  throttling: () => awsError("Throttling", "Rate exceeded", { httpStatusCode: 400 }),
  "access-denied": () => awsError("AccessDenied", "User is not authorized to perform this operation", { httpStatusCode: 403 }),
  conflict: () => awsError("IncorrectState", "The resource is in a conflicting state", { httpStatusCode: 409 }),
};

const emptyGroup = (fake: FakeAws) => [...fake.groups.values()].find((g) => g.vpcId === VPC && g.tags["kamae:isolation-group"] === "empty");
const isCut = (fake: FakeAws) => fake.instances.get(INSTANCE)!.enis.every((e) => e.groups.length === 1 && e.groups[0] === emptyGroup(fake)?.id);

export const ISOLATION_FAULT_CASES = CALLS.length * Object.keys(FAULTS).length;

describe(`InstanceIsolation fault injection: ${CALLS.length} calls × ${Object.keys(FAULTS).length} faults = ${ISOLATION_FAULT_CASES} cases (issue 18)`, () => {
  let fake: FakeAws;
  afterEach(() => fake?.restore());

  for (const call of CALLS) {
    for (const [name, fault] of Object.entries(FAULTS)) {
      it(`${call} fails with ${name}: complete, or reported, or retried to completion`, async () => {
        ({ fake } = webTier());
        let failing = true;
        fake.failWhen(call, () => (failing ? fault() : undefined));
        let outcome: string | undefined;
        try {
          outcome = (await run(fixture("guardduty-backdoor-cc.json"))).responses[0]?.outcome;
        } catch {
          outcome = "retried";
        }
        if (outcome === "isolated") {
          assert.ok(isCut(fake), "success means the cut is complete");
          assert.ok(!fake.asgs.get("web-asg")!.instances.includes(INSTANCE) || fake.asgs.get("web-asg")!.standby?.includes(INSTANCE) || fake.asgs.get("web-asg")!.protectedIds?.includes(INSTANCE));
        } else if (outcome === "isolated-with-failures") {
          assert.ok(isCut(fake), "a partial success still has the network cut");
          const report = fake.published.at(-1)!.message;
          assert.ok(report.failures.length > 0 && report.failures.some((f: string) => f.includes(fault().name)), "and names the failure");
        } else {
          assert.equal(outcome, "retried", `no other outcome is acceptable (got ${outcome})`);
        }
        // The fault passes (or SQS/Lambda redelivers after it): the retry completes the isolation and reports it.
        failing = false;
        if (outcome !== "isolated") {
          const retry = await run(fixture("guardduty-backdoor-cc.json"));
          assert.ok(["isolated", "already-isolated"].includes(retry.responses[0].outcome), `retry: ${retry.responses[0].outcome}`);
        }
        assert.ok(isCut(fake), "the end state is complete");
        const record = fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!;
        assert.equal(record.status, "isolated");
        assert.equal(record.reported, true, "and the operators were told");
      });
    }
  }
});
