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

/**
 * Makes `call` fail with `fault` until `heal()`, then runs `event` once: its outcome, or "retried" when the invocation
 * failed (Lambda, or SQS, delivers it again).
 */
async function runWithFault(fake: FakeAws, call: string, fault: () => Error, event: unknown): Promise<{ outcome: string | undefined; heal: () => void }> {
  let failing = true;
  fake.failWhen(call, () => (failing ? fault() : undefined));
  const heal = () => void (failing = false);
  try {
    return { outcome: (await run(event)).responses[0]?.outcome, heal };
  } catch {
    return { outcome: "retried", heal };
  }
}

describe(`InstanceIsolation fault injection: ${CALLS.length} calls × ${Object.keys(FAULTS).length} faults = ${ISOLATION_FAULT_CASES} cases (issue 18)`, () => {
  let fake: FakeAws;
  afterEach(() => fake?.restore());

  for (const call of CALLS) {
    for (const [name, fault] of Object.entries(FAULTS)) {
      it(`${call} fails with ${name}: complete, or reported, or retried to completion`, async () => {
        ({ fake } = webTier());
        const { outcome, heal } = await runWithFault(fake, call, fault, fixture("guardduty-backdoor-cc.json"));
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
        heal();
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

/**
 * The release of an instance held by scale-in protection with the group's processes suspended, while a second instance
 * of the group is isolated: each call of the release fails in turn. The end state after the retry is complete (the
 * first instance restored, its hold removed, the processes still suspended for the second one), and a failure of the
 * hold's own calls is never a silent success.
 */
const RELEASE_CALLS = ["DescribeInstances", "DescribeAutoScalingInstances", "GetItem", "PutItem", "SetInstanceProtection", "ResumeProcesses", "ModifyNetworkInterfaceAttribute", "RegisterTargets", "Publish"];
const NEIGHBOUR = "i-0fedcba9876543210";
const holderFinding = (instanceId: string) => {
  const event = fixture("guardduty-backdoor-cc.json");
  event.detail.id = `finding-of-${instanceId}`;
  event.detail.resource.instanceDetails.instanceId = instanceId;
  return event;
};
const release = { ...fixture("direct-release.json"), instanceId: INSTANCE };

/** The web tier where leaving web-asg fails (detach contended, standby denied), so an isolation holds the group. */
function groupHoldingTier(): FakeAws {
  const { fake } = webTier();
  fake.failWhen("DetachInstances", () => awsError("ResourceContention", "You already have a pending update to an Auto Scaling resource", { httpStatusCode: 500, fault: "server" }));
  fake.failWhen("EnterStandby", () => awsError("AccessDenied", "User is not authorized to perform: autoscaling:EnterStandby", { httpStatusCode: 403 }));
  return fake;
}

/** Isolates INSTANCE, and NEIGHBOUR too unless INSTANCE is to be the group's last holder. */
async function isolateHolders(last: boolean): Promise<void> {
  for (const id of last ? [INSTANCE] : [INSTANCE, NEIGHBOUR]) assert.equal((await run(holderFinding(id))).responses[0].outcome, "isolated");
}

/** After the release: INSTANCE's record released and reported once, the hold lifted (processes resumed only if it was the last holder). */
function assertHoldReleased(fake: FakeAws, last: boolean): void {
  assert.equal(fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!.status, "released");
  assert.deepEqual(fake.asgs.get("web-asg")!.suspended?.sort(), last ? [] : ["AZRebalance", "ReplaceUnhealthy"]);
  assert.deepEqual(fake.table.get(`asg-hold#${ACCOUNT}#${REGION}#web-asg`)!.holders, last ? [] : [NEIGHBOUR]);
  assert.equal(fake.published.filter((p) => p.message.action === "release" && p.message.outcome === "released").length, 1, "the operators were told once");
  assert.equal(fake.table.get(`instance#${ACCOUNT}#${REGION}#${INSTANCE}`)!.reported, true);
}

export const GROUP_HOLD_FAULT_CASES = RELEASE_CALLS.length * Object.keys(FAULTS).length * 2;

describe(`InstanceIsolation release of a group hold, fault injection: ${RELEASE_CALLS.length} calls × ${Object.keys(FAULTS).length} faults × last holder or not = ${GROUP_HOLD_FAULT_CASES} cases (issue 18)`, () => {
  let fake: FakeAws;
  afterEach(() => fake?.restore());

  for (const last of [true, false]) {
    for (const call of RELEASE_CALLS) {
      for (const [name, fault] of Object.entries(FAULTS)) {
        it(`${call} fails with ${name} (${last ? "last holder" : "another instance still held"}): complete, or reported and retried`, async () => {
          fake = groupHoldingTier();
          await isolateHolders(last);
          const { outcome, heal } = await runWithFault(fake, call, fault, release);
          const asg = fake.asgs.get("web-asg")!;
          if (outcome === "released-with-failures") {
            const report = fake.published.at(-1)!.message;
            assert.ok(report.failures.some((f: string) => f.includes(fault().name)), "the report names the failure");
            assert.ok(!report.failures.some((f: string) => f.startsWith("unprotect-asg")), "a failed hold release is retried, not only reported");
          } else if (outcome !== "retried") {
            assert.equal(outcome, "released");
          }
          // Whatever happened, the processes are never resumed while the neighbour is held.
          if (!last) assert.deepEqual(asg.suspended?.sort(), ["AZRebalance", "ReplaceUnhealthy"]);
          heal();
          if (outcome !== "released") assert.equal((await run(release)).responses[0].outcome, "released");
          assert.deepEqual(asg.protectedIds, last ? [] : [NEIGHBOUR]);
          assertHoldReleased(fake, last);
        });
      }
    }
  }
});

/**
 * The release of a held instance that was terminated instead of released (with or without another instance of the
 * group still held): each call of lifting its hold fails in turn. The end state after the retry is the hold lifted
 * (the processes resumed only when it was the last holder), the record released and one report; a failure of the lift
 * itself is never a silent success.
 */
const GONE_CALLS = ["DescribeInstances", "DescribeAutoScalingInstances", "GetItem", "PutItem", "ResumeProcesses", "Publish"];
export const GONE_HOLDER_FAULT_CASES = GONE_CALLS.length * Object.keys(FAULTS).length * 2;

describe(`InstanceIsolation release of a terminated holder, fault injection: ${GONE_CALLS.length} calls × ${Object.keys(FAULTS).length} faults × last holder or not = ${GONE_HOLDER_FAULT_CASES} cases`, () => {
  let fake: FakeAws;
  afterEach(() => fake?.restore());

  for (const last of [true, false]) {
    for (const call of GONE_CALLS) {
      for (const [name, fault] of Object.entries(FAULTS)) {
        it(`${call} fails with ${name} (${last ? "last holder" : "another instance still held"}): complete, or reported and retried`, async () => {
          fake = groupHoldingTier();
          await isolateHolders(last);
          const asg = fake.asgs.get("web-asg")!;
          asg.instances = asg.instances.filter((id) => id !== INSTANCE);
          asg.protectedIds = asg.protectedIds!.filter((id) => id !== INSTANCE);
          fake.instances.get(INSTANCE)!.state = "terminated";
          const { outcome, heal } = await runWithFault(fake, call, fault, release);
          if (outcome !== "retried") assert.equal(outcome, "released", "a failed lift is never reported as done");
          if (!last) assert.deepEqual(asg.suspended?.sort(), ["AZRebalance", "ReplaceUnhealthy"], "never resumed while the neighbour is held");
          heal();
          if (outcome !== "released") assert.equal((await run(release)).responses[0].outcome, "released");
          assertHoldReleased(fake, last);
        });
      }
    }
  }
});
