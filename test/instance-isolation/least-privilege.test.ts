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
    new InstanceIsolation("iso", { mode: "enforce", revokeRoleSessions: true });
    await settle();
    // The policy and settings as deployed in the fakes' account.
    const { env, policy } = builtFunction("iso-responder", { accountId: ACCOUNT });
    const profile = resourceNamed("iso-isolation-profile").state.name as string;
    const role = resourceNamed("iso-isolation-role").state.name as string;

    const sent: SentCommand[] = [];
    const paths: Array<{ fail?: string[]; profile?: boolean; plantedRule?: boolean }> = [{ plantedRule: true }, { fail: ["DetachInstances"] }, { fail: ["DetachInstances", "EnterStandby"], profile: false }];
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
      assert.equal((await run(fixture("direct-release.json"), d)).responses[0].outcome, "released");
      sent.push(...commandsOf(fake.stubs));
      if (path !== paths.at(-1)) fake.restore();
    }
    const profiles = fake!.profiles;
    const where: Where = {
      accountId: ACCOUNT,
      region: REGION,
      key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey").Resource[0],
      tagsOf: (arn) => {
        const id = arn.split("/").at(-1)!;
        return fake!.instances.get(id)?.tags ?? fake!.groups.get(id)?.tags;
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
  });
});
