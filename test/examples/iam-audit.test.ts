import { strict as assert } from "node:assert";
import { join } from "node:path";
import { type RecordedResource, resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";

/**
 * The IAM audit of the reference stack (and of the multi-account example, for the member role): every identity
 * statement a Kamae component creates, judged against what its code uses.
 *
 * A statement is *broader than the code's use* when all of these hold:
 * 1. it allows an action that changes something: any action but a read (a Describe, Get, List, Lookup, Query, Scan,
 *    BatchGet, Receive or Head verb), and not one AWS authorizes only on `*` (ONLY_ON_STAR: no resource type in the
 *    Service Authorization Reference, so no grant can be narrower);
 * 2. on an open resource: `*`, or an ARN whose resource id is nothing but wildcards (`role/*`, `instance/*`,
 *    `arn:aws:s3:::*`, `targetgroup/*\/*`), i.e. every resource of that type in the account;
 * 3. with no condition narrowing which of them: a resource tag (`aws:ResourceTag/…`, `iam:`, `ec2:`,
 *    `autoscaling:ResourceTag/…`), a tag the request puts on what it creates (`aws:RequestTag/…`), the creating call
 *    (`ec2:CreateAction`) or AWS's managed-by key (`events:ManagedBy`). `iam:PassedToService`, `s3:ResourceAccount`
 *    and `aws:SourceAccount` narrow what is done or the account, not which resources of the account;
 * 4. and not bounded through another resource: every request of the action also names a resource (CO_REQUIRED) that
 *    the same policy grants only under such a condition (`ec2:CreateSnapshots` always names its instance);
 * 5. and the open set is not the code's use itself: OPEN_BY_DESIGN lists, per component and statement, why the code
 *    may be asked to act on any resource of that type in the account and IAM has no key to narrow it further. An
 *    entry that matches no open statement fails the audit too (no stale exemptions).
 * Permissions boundaries are limits, not grants, and are not audited.
 */

const READ_VERB = /^(Describe|Get|List|Lookup|Query|Scan|BatchGet|Receive|Head)/;

/** Actions with no resource type in the Service Authorization Reference: `*` is the only resource they accept. */
const ONLY_ON_STAR = new Set(["logs:CreateLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:PutResourcePolicy"]);

const NARROWING_KEY = /^((aws|iam|ec2|autoscaling):ResourceTag\/|aws:RequestTag\/|ec2:CreateAction$|events:ManagedBy$)/i;

/** A resource every request of the action names (AWS authorizes each resource of a request). */
const CO_REQUIRED: Record<string, RegExp> = { "ec2:CreateSnapshots": /:instance\//, "ec2:CreateSecurityGroup": /:security-group\// };

/**
 * `<responder>/<Sid>` → why any resource of the type is the code's use, and what bounds it instead of IAM. The member
 * role (MemberAccountAccess) carries the same statements of the same responders.
 */
const OPEN_BY_DESIGN: Record<string, string> = {
  "InstanceIsolation/MoveInterfaces":
    "the interfaces of whichever instance is isolated, back to the groups they had on release: interfaces carry no instance tag and EC2 has no key tying one to its instance; the instance's own writes need the scope tag",
  "InstanceIsolation/ElasticIps": "the Elastic IPs of whichever instance is isolated: addresses carry no instance tag",
  "InstanceIsolation/LeaveAndRejoinAutoScaling":
    "the Auto Scaling group of whichever in-scope instance, which need not carry any tag (a tag required here would leave such an instance uncut: the cut waits for the group)",
  "InstanceIsolation/LeaveAndRejoinTargetGroups": "the target groups that hold whichever instance is isolated: found by describing them, tagged or not",
  "GuardDutyResponder/RestrictRoles":
    "the compromised principal may be any role of the account; protected principals are an explicit Deny and the role is bounded by its own policy",
  "GuardDutyResponder/RestrictUsers":
    "the compromised principal may be any user of the account; protected principals are an explicit Deny and the role is bounded by its own policy",
  "GuardDutyResponder/ProtectFindingBuckets":
    "any bucket of the account a finding names (s3:ResourceAccount), only when a route opts in; the protection tag, allowlist and breaker are read by the code from the bucket",
  "GuardDutyResponder/ProtectSensitiveBuckets":
    "any bucket of the account a Macie finding names (s3:ResourceAccount), only when a route opts in; the protection tag, allowlist and breaker are read by the code from the bucket",
};

interface AuditedStatement {
  readonly component: string;
  readonly policy: string;
  readonly sid: string;
  readonly actions: string[];
  readonly resources: string[];
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v as string]);

/** True when the resource is every resource of its type: `*`, or an ARN whose resource id is wildcards only. */
export function isOpen(resource: string): boolean {
  if (resource === "*") return true;
  const fields = resource.split(":");
  // The resource part: a type word (none in S3's `bucket/key`), then ids separated by `/` or `:`.
  const tokens = fields.slice(5).join(":").split(/[/:]/);
  const ids = fields[2] === "s3" ? tokens : tokens.slice(1);
  // Open: every id a wildcard (`autoScalingGroupName` is a word of Auto Scaling's ARN, not an id).
  return ids.length > 0 && ids.every((t) => t === "*" || t === "autoScalingGroupName");
}

const narrowed = (s: any) => Object.values(s.Condition ?? {}).some((block: any) => Object.keys(block).some((k) => NARROWING_KEY.test(k)));

/** The component a resource belongs to: the outermost `kamae:index:` type of its URN. */
function componentOf(r: RecordedResource): string | undefined {
  const types = r.urn.split("::")[2]?.split("$") ?? [];
  return types.find((t) => t.startsWith("kamae:index:"))?.slice("kamae:index:".length);
}

/** The identity policies of Kamae's components: role policies and managed policies that are not boundaries. */
function identityPolicies(): Array<{ component: string; name: string; statements: any[] }> {
  const boundaries = new Set(resourcesOfType("aws:iam/role:Role").map((r) => r.inputs.permissionsBoundary).filter(Boolean));
  return [...resourcesOfType("aws:iam/rolePolicy:RolePolicy"), ...resourcesOfType("aws:iam/policy:Policy").filter((p) => !boundaries.has(p.state.arn))].flatMap((r) => {
    const component = componentOf(r);
    return component ? [{ component, name: r.name, statements: list(JSON.parse(r.inputs.policy).Statement) }] : [];
  });
}

/** The open statements of every component policy not bounded by a condition, a co-required resource or a reason. */
function audit(): { broader: AuditedStatement[]; byDesign: Set<string> } {
  const broader: AuditedStatement[] = [];
  const byDesign = new Set<string>();
  for (const policy of identityPolicies()) {
    const allows = policy.statements.filter((s) => s.Effect === "Allow");
    for (const s of allows) {
      const writes = list(s.Action).filter((a) => !READ_VERB.test(a.split(":")[1]) && !ONLY_ON_STAR.has(a));
      const open = list(s.Resource).filter(isOpen);
      if (writes.length === 0 || open.length === 0 || narrowed(s)) continue;
      const unbounded = writes.filter((a) => {
        const required = CO_REQUIRED[a];
        if (!required) return true;
        const grants = allows.filter((g) => list(g.Action).includes(a) && list(g.Resource).some((r) => required.test(r)));
        return grants.length === 0 || !grants.every(narrowed);
      });
      if (unbounded.length === 0) continue;
      const key = Object.keys(OPEN_BY_DESIGN).find((k) => k.endsWith(`/${s.Sid}`) && (k.startsWith(`${policy.component}/`) || policy.component === "MemberAccountAccess"));
      if (key) byDesign.add(key);
      else broader.push({ component: policy.component, policy: policy.name, sid: s.Sid, actions: unbounded, resources: open });
    }
  }
  return { broader, byDesign };
}

const root = join(__dirname, "..", "..");
const describeOffenders = (broader: AuditedStatement[]) => broader.map((b) => `${b.component} ${b.policy} ${b.sid}: ${b.actions.join(",")} on ${b.resources.join(",")}`).join("\n");

describe("IAM audit: no identity statement broader than the code's use", function () {
  this.timeout(120_000);

  it("open resources are told apart from named ones", () => {
    for (const r of ["*", "arn:aws:iam::1:role/*", "arn:aws:s3:::*", "arn:aws:ec2:*:1:instance/*", "arn:aws:elasticloadbalancing:*:1:targetgroup/*/*", "arn:aws:autoscaling:*:1:autoScalingGroup:*:autoScalingGroupName/*"]) {
      assert.ok(isOpen(r), r);
    }
    for (const r of ["arn:aws:iam::1:role/web-role", "arn:aws:iam::1:role/apps/*", "arn:aws:s3:::bucket/*", "arn:aws:logs:us-east-1:1:log-group:/kamae/fn:*", "arn:aws:states:us-east-1:1:execution:workflow:*"]) {
      assert.ok(!isOpen(r), r);
    }
  });

  it("the reference stack: 0 statements broader than the code's use", async () => {
    await useOfflineMocks();
    // The programs load as `kamae check` loads them, through tsx and the repository's `kamae` path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const program = require(join(root, "examples", "reference-stack", "index.ts"));
    await (program.default ?? program)();
    await settle();
    const { broader, byDesign } = audit();
    assert.deepEqual(broader, [], `statements broader than the code's use:\n${describeOffenders(broader)}`);
    // Every exemption still matches a statement of the stack: none outlives the code it was written for.
    assert.deepEqual([...byDesign].sort(), Object.keys(OPEN_BY_DESIGN).sort());
  });

  it("the multi-account example, member roles included: 0 statements broader than the code's use", async () => {
    await useOfflineMocks();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(join(root, "examples", "multi-account", "index.ts"));
    await settle();
    const { broader } = audit();
    assert.ok(identityPolicies().some((p) => p.component === "MemberAccountAccess"), "the member roles were audited");
    assert.deepEqual(broader, [], `statements broader than the code's use:\n${describeOffenders(broader)}`);
  });
});
