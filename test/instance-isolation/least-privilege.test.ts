import { strict as assert } from "node:assert";
import { InstanceIsolation } from "../../components/instance-isolation";
import { awsError } from "../harness/aws";
import { evaluate } from "../harness/iam-evaluator";
import { builtFunction, checkCommands, commandsOf, iamRequests, type SentCommand, type Where } from "../harness/least-privilege";
import { resourceNamed, settle, useOfflineMocks } from "../harness/pulumi";
import { ACCOUNT, FakeAws, REGION } from "./fakes";
import { deps, fixture, INSTANCE, run, VPC, webTier } from "./scenario";

/**
 * Every AWS call InstanceIsolation makes is granted by the policy its component builds, and nothing more: isolation
 * and release with each way of leaving the Auto Scaling group (detach, Standby, scale-in protection), an instance with
 * and without a profile, the role-session revocation, against the fakes' instances and their tags.
 */
describe("InstanceIsolation: every AWS call is granted, and nothing more", () => {
  let fake: FakeAws | undefined;
  afterEach(() => fake?.restore());

  it("isolation and release, whichever way the instance leaves its group", async () => {
    await useOfflineMocks();
    // The instance's role is named: release may hand it back (IAM does not reliably evaluate a role's tags for PassRole).
    new InstanceIsolation("iso", { mode: "enforce", revokeRoleSessions: true, instanceRoleNames: ["web-role"] });
    await settle();
    // The policy and settings as deployed in the fakes' account.
    const { env, policy } = builtFunction("iso-responder", { accountId: ACCOUNT });
    const profile = resourceNamed("iso-isolation-profile").state.name as string;
    const role = resourceNamed("iso-isolation-role").state.name as string;

    const sent: SentCommand[] = [];
    const paths: Array<{ fail?: string[]; profile?: boolean; plantedRule?: boolean; terminated?: boolean }> = [
      { plantedRule: true },
      { fail: ["DetachInstances"] },
      { fail: ["DetachInstances", "EnterStandby"], profile: false },
      // Held by protection, then terminated instead of released: the release only lifts the group's hold.
      { fail: ["DetachInstances", "EnterStandby"], terminated: true },
    ];
    let tier: ReturnType<typeof webTier> | undefined;
    for (const path of paths) {
      tier = webTier();
      fake = tier.fake;
      fake.topics.add(env.KAMAE_REPORT_TOPIC_ARN);
      fake.profiles.set(profile, { arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${profile}`, roleName: role });
      // Someone added a rule to the existing empty group: isolation strips it.
      if (path.plantedRule) fake.addGroup(VPC, "kamae-isolation-empty-existing", { "kamae:isolation-group": "empty" }, { ingress: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] });
      if (path.profile === false) delete fake.instances.get(INSTANCE)!.profile;
      for (const op of path.fail ?? []) fake.failWhen(op, () => awsError("ResourceContention", "You already have a pending update to an Auto Scaling resource", { httpStatusCode: 500, fault: "server" }));
      const d = deps(env);
      assert.equal((await run(fixture("guardduty-backdoor-cc.json"), d)).responses[0].outcome, "isolated");
      if (path.terminated) {
        const asg = fake.asgs.get("web-asg")!;
        asg.instances = asg.instances.filter((id) => id !== INSTANCE);
        fake.instances.get(INSTANCE)!.state = "terminated";
      }
      assert.equal((await run(fixture("direct-release.json"), d)).responses[0].outcome, "released");
      if (path.terminated) assert.deepEqual(fake.asgs.get("web-asg")!.suspended, []);
      sent.push(...commandsOf(fake.stubs));
      if (path !== paths.at(-1)) fake.restore();
    }
    const profiles = fake!.profiles;
    // The instance's own role carries the scope tag too (as AutoHealingGroup tags its role).
    const roleTags: Record<string, Record<string, string>> = { "web-role": { "kamae:isolation-scope": "True" } };
    const where: Where = {
      accountId: ACCOUNT,
      region: REGION,
      key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey").Resource[0],
      tagsOf: (arn) => {
        const id = arn.split("/").at(-1)!;
        return fake!.instances.get(id)?.tags ?? fake!.groups.get(id)?.tags ?? (arn.includes(":role/") ? roleTags[id] : undefined);
      },
      // One instance is isolated and released in each path: every association is its.
      instanceOfAssociation: () => INSTANCE,
      allocationOfAssociation: () => tier!.fake.addresses[0].allocationId,
      roleOfProfile: (p) => [...profiles].find(([name, v]) => name === p || v.arn === p)![1].roleName,
    };
    checkCommands("isolate-instance", policy, sent, where);

    // The same calls on an instance that lost its scope tag: IAM itself refuses every change to the instance, so a bug
    // in the code's scope check cannot reach an instance out of scope.
    const untagged: Where = { ...where, tagsOf: (arn) => (arn.includes(":instance/") ? { Name: "web-1" } : where.tagsOf!(arn)) };
    const onInstance = sent.flatMap((c) => iamRequests(c, untagged)).filter((r) => r.resource.includes(":instance/"));
    assert.deepEqual(onInstance.filter((r) => evaluate({ identity: [policy] }, r).decision !== "implicitDeny"), []);
    assert.deepEqual([...new Set(onInstance.map((r) => r.action))].sort(), [
      "ec2:AssociateIamInstanceProfile",
      "ec2:CreateSnapshots",
      "ec2:CreateTags",
      "ec2:DisassociateIamInstanceProfile",
      "ec2:ModifyInstanceAttribute",
      "ec2:ReplaceIamInstanceProfileAssociation",
    ]);

    // An Elastic IP put back on an instance (not an interface) is an instance write too.
    const eipOnInstance = iamRequests({ command: "AssociateAddressCommand", input: { AllocationId: tier!.fake.addresses[0].allocationId, InstanceId: INSTANCE } }, untagged);
    assert.deepEqual(
      eipOnInstance.map((r) => evaluate({ identity: [policy] }, r).decision),
      ["allowed", "implicitDeny"],
    );

    // Roles: the same calls on another role (an admin role, say) are refused by IAM, both handing it to EC2 and
    // writing a policy on it; the isolation role and the named roles are the only roles the function may pass. The
    // scope tag on that role lets isolation deny its older sessions, never hand it to EC2.
    const onRoles = sent.flatMap((c) => iamRequests(c, where)).filter((r) => r.resource.includes(":role/"));
    const asAdmin = (tags: Record<string, string>) =>
      onRoles.map((r) => ({
        ...r,
        resource: r.resource.replace(":role/web-role", ":role/admin"),
        context: { ...Object.fromEntries(Object.entries(r.context ?? {}).filter(([k]) => !k.startsWith("aws:ResourceTag/"))), ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v])) },
      }));
    const decide = (requests: typeof onRoles) => [...new Set(requests.map((r) => `${r.action} ${r.resource.split(":").at(-1)} ${evaluate({ identity: [policy] }, r).decision}`))].sort();
    assert.deepEqual(decide(asAdmin({})), ["iam:PassRole role/admin implicitDeny", `iam:PassRole role/${role} allowed`, "iam:PutRolePolicy role/admin implicitDeny"]);
    assert.deepEqual(decide(asAdmin({ "kamae:isolation-scope": "true" })), ["iam:PassRole role/admin implicitDeny", `iam:PassRole role/${role} allowed`, "iam:PutRolePolicy role/admin allowed"]);
    // Security groups it creates only as isolation groups: without the tag at creation, IAM refuses the group.
    const creates = sent.filter((c) => c.command === "CreateSecurityGroupCommand");
    assert.ok(creates.length > 0);
    const untaggedCreates = creates.flatMap((c) => iamRequests({ ...c, input: { ...c.input, TagSpecifications: [] } }, where)).filter((r) => r.resource.includes(":security-group/"));
    assert.ok(untaggedCreates.every((r) => evaluate({ identity: [policy] }, r).decision === "implicitDeny"));
    // Passed to anything but EC2, not even the isolation role.
    const toLambda = onRoles.filter((r) => r.action === "iam:PassRole").map((r) => ({ ...r, context: { ...r.context, "iam:PassedToService": "lambda.amazonaws.com" } }));
    assert.ok(toLambda.length > 0 && toLambda.every((r) => evaluate({ identity: [policy] }, r).decision === "implicitDeny"));
  });

  it("named instance roles: release hands back those and no other, and only named roles get the session deny", async () => {
    await useOfflineMocks();
    new InstanceIsolation("iso", { revokeRoleSessions: true, scope: { autoScalingGroupNames: ["web-asg"] }, instanceRoleNames: ["web-role", "apps/*"] });
    await settle();
    const { policy } = builtFunction("iso-responder", { accountId: ACCOUNT });
    const ask = (action: string, role: string, tags?: Record<string, string>) =>
      evaluate({ identity: [policy] }, { action, resource: `arn:aws:iam::${ACCOUNT}:role/${role}`, context: { "iam:PassedToService": "ec2.amazonaws.com", ...Object.fromEntries(Object.entries(tags ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v])) } }).decision;
    for (const action of ["iam:PassRole", "iam:PutRolePolicy"]) {
      assert.equal(ask(action, "web-role"), "allowed");
      assert.equal(ask(action, "apps/billing-role"), "allowed");
      assert.equal(ask(action, "admin"), "implicitDeny");
      // The scope names Auto Scaling groups: the scope tag on a role grants nothing then.
      assert.equal(ask(action, "admin", { "kamae:isolation-scope": "true" }), "implicitDeny");
    }
    assert.throws(() => new InstanceIsolation("every", { instanceRoleNames: ["*"] }), /names every role of the account/);
    assert.throws(() => new InstanceIsolation("none", { revokeRoleSessions: true, scope: { autoScalingGroupNames: ["web-asg"] } }), /revokeRoleSessions needs instance roles/);
  });
});

describe("InstanceIsolation scoped by Auto Scaling groups: IAM bounds instance writes by the group's tag", () => {
  let fake: FakeAws | undefined;
  afterEach(() => fake?.restore());

  it("every call of isolating and releasing an instance of a scope group is granted as the instance's tags stand at that call; an instance of another group is refused", async () => {
    await useOfflineMocks();
    new InstanceIsolation("iso", { mode: "enforce", scope: { tagKey: "", autoScalingGroupNames: ["web-asg"] }, instanceRoleNames: ["web-role"] });
    await settle();
    const { env, policy } = builtFunction("iso-responder", { accountId: ACCOUNT });
    const profile = resourceNamed("iso-isolation-profile").state.name as string;
    const role = resourceNamed("iso-isolation-role").state.name as string;
    const tier = webTier();
    fake = tier.fake;
    fake.topics.add(env.KAMAE_REPORT_TOPIC_ARN);
    fake.profiles.set(profile, { arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${profile}`, roleName: role });
    // The instance of the scope group carries no scope tag: only the group's own tag puts it in scope.
    delete tier.instance.tags["kamae:isolation-scope"];
    const d = deps(env);
    assert.equal((await run(fixture("guardduty-backdoor-cc.json"), d)).responses[0].outcome, "isolated");
    assert.equal((await run(fixture("direct-release.json"), d)).responses[0].outcome, "released");

    // Replayed in the order they were sent, with the instance's tags as they stood at each call: detaching removes
    // the group's tag, attaching puts it back, CreateTags adds Kamae's mark.
    // Sinon numbers every call across spies (callId): the stubs' calls merged back into the order they were made.
    const calls = fake.stubs.flatMap((m) => m.calls() as unknown as Array<{ callId: number; args: any[] }>).sort((a, b) => a.callId - b.callId);
    const sent: SentCommand[] = calls.map((c) => ({ command: c.args[0].constructor.name as string, input: c.args[0].input as Record<string, any> }));
    const tags: Record<string, string> = { Name: "web-1", "aws:autoscaling:groupName": "web-asg" };
    const profiles = fake.profiles;
    const where: Where = {
      accountId: ACCOUNT,
      region: REGION,
      key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey").Resource[0],
      tagsOf: (arn) => (arn.endsWith(`:instance/${INSTANCE}`) ? { ...tags } : fake!.groups.get(arn.split("/").at(-1)!)?.tags),
      instanceOfAssociation: () => INSTANCE,
      allocationOfAssociation: () => tier.fake.addresses[0].allocationId,
      roleOfProfile: (p) => [...profiles].find(([name, v]) => name === p || v.arn === p)![1].roleName,
    };
    const requests = sent.flatMap((c) => {
      const asked = iamRequests(c, where);
      if (c.command === "CreateTagsCommand" && c.input.Resources.includes(INSTANCE)) for (const t of c.input.Tags) tags[t.Key] = t.Value;
      if (c.command === "DetachInstancesCommand") delete tags["aws:autoscaling:groupName"];
      if (c.command === "AttachInstancesCommand") tags["aws:autoscaling:groupName"] = c.input.AutoScalingGroupName;
      return asked;
    });
    assert.ok(sent.some((c) => c.command === "DetachInstancesCommand") && sent.some((c) => c.command === "ReplaceIamInstanceProfileAssociationCommand"));
    const denied = requests.filter((r) => evaluate({ identity: [policy] }, r).decision !== "allowed");
    assert.deepEqual(denied, [], "a call refused at the instance's tags of that moment");
    assert.equal(tags["kamae:isolation-status"], "released");

    // The same instance writes on an instance of another group, or of none, are refused by IAM.
    const onInstance = requests.filter((r) => r.resource.endsWith(`:instance/${INSTANCE}`));
    assert.ok(onInstance.length > 5);
    for (const other of [{ "aws:autoscaling:groupName": "billing-asg" }, {}, { "kamae:isolation-status": "released" }]) {
      const asked = onInstance.map((r) => ({ ...r, context: { ...Object.fromEntries(Object.entries(r.context ?? {}).filter(([k]) => !k.startsWith("aws:ResourceTag/"))), ...Object.fromEntries(Object.entries(other).map(([k, v]) => [`aws:ResourceTag/${k}`, v])) } }));
      assert.deepEqual([...new Set(asked.map((r) => evaluate({ identity: [policy] }, r).decision))], ["implicitDeny"], JSON.stringify(other));
    }
  });
});
