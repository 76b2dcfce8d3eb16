import { strict as assert } from "node:assert";
import { ApiActivityAlerts } from "../../components/api-activity-alerts";
import { GuardDutyResponder } from "../../components/guardduty-responder";
import { InstanceIsolation } from "../../components/instance-isolation";
import { MalwareQuarantine } from "../../components/malware-quarantine";
import { MemberAccountAccess } from "../../components/member-account-access";
import { PatchOnFinding } from "../../components/patch-on-finding";
import { parsePolicyDocument, type PolicyDocument } from "../../components/shared/iam/policy";
import { ACCOUNT_ID, resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";

const CENTRAL = "999999999999";
const MEMBERS = ["222222222222", "333333333333"];

function rolePolicy(name: string): PolicyDocument {
  const found = resourcesOfType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name === name);
  assert.equal(found.length, 1, `one role policy named ${name}`);
  return parsePolicyDocument(found[0].inputs.policy);
}

/** The statements of `doc` whose Sid is one of `sids`, in a comparable form. */
function bySid(doc: PolicyDocument, sids: readonly string[]) {
  return doc.Statement.filter((s) => s.Sid !== undefined && sids.includes(s.Sid)).sort((a, b) => a.Sid!.localeCompare(b.Sid!));
}

// Under the offline mocks the component and the member role are in the same account, so "acts in the event's
// account" must come out identical on both sides.
describe("One source of truth: the member role carries exactly what each responder grants itself at home", () => {
  beforeEach(() => useOfflineMocks());

  it("InstanceIsolation (with revokeRoleSessions on both sides)", async () => {
    new InstanceIsolation("iso", { revokeRoleSessions: true, isolationInstanceProfileName: "kamae-isolation", memberAccounts: { accountIds: MEMBERS, roleName: "kamae-central-responder", externalId: "ext-1" } });
    new MemberAccountAccess("member", { centralAccountId: CENTRAL, externalId: "ext-1", responders: ["instance-isolation"], isolationRevokeRoleSessions: true });
    await settle();
    const home = rolePolicy("iso-responder-permissions");
    const member = rolePolicy("member-instance-isolation");
    // The isolation profile's role differs by account: the member's is the one MemberAccountAccess creates with the
    // profile, the home one the given profile's (offline, a role of the profile's name).
    const memberSids = member.Statement.map((s) => s.Sid!).filter((sid) => sid !== "PassIsolationRole");
    assert.ok(["DenyOldSessionsOfTaggedRoles", "OnlyIsolationGroupRules"].every((sid) => memberSids.includes(sid)));
    assert.deepEqual(bySid(member, memberSids), bySid(home, memberSids));
    assert.deepEqual(bySid(member, ["PassIsolationRole"])[0].Resource, [`arn:aws:iam::${ACCOUNT_ID}:role/kamae-isolation-role`]);
    assert.deepEqual(bySid(home, ["PassIsolationRole"])[0].Resource, [`arn:aws:iam::${ACCOUNT_ID}:role/kamae-isolation`]);
    // State and reports stay central: the member role gets neither the table nor the topic.
    assert.ok(!member.Statement.some((s) => s.Action.some((a) => a.startsWith("dynamodb:") || a.startsWith("sns:"))));
    // The central function may assume exactly the member roles.
    const assume = home.Statement.find((s) => s.Sid === "ActInMemberAccounts")!;
    assert.deepEqual(assume.Resource, MEMBERS.map((id) => `arn:aws:iam::${id}:role/kamae-central-responder`));
  });

  it("InstanceIsolation: the member account gets the isolation profile by the name the central function swaps in", async () => {
    new MemberAccountAccess("member", { centralAccountId: CENTRAL, externalId: "ext-1", responders: ["instance-isolation"], isolationInstanceProfileName: "kamae-isolation" });
    await settle();
    const [profile] = resourcesOfType("aws:iam/instanceProfile:InstanceProfile");
    assert.equal(profile.inputs.name, "kamae-isolation");
    const role = resourcesOfType("aws:iam/role:Role").find((r) => r.name === "member-isolation-role")!;
    assert.equal(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal.Service, "ec2.amazonaws.com");
    // The isolation role grants nothing: no policy is attached to it.
    assert.ok(!resourcesOfType("aws:iam/rolePolicy:RolePolicy").some((p) => p.inputs.role === role.state.id || p.name.startsWith("member-isolation")));
    const member = rolePolicy("member-instance-isolation");
    assert.ok(!member.Statement.some((s) => s.Action.includes("iam:PutRolePolicy")), "revoking sessions is opt-in");
  });

  it("MalwareQuarantine: same source statements, and the member role writes copies into the central quarantine bucket", async () => {
    const quarantine = new MalwareQuarantine("mq", {
      guardDutyBucketNames: { uploads: "uploads-prod" },
      sourceKmsKeyArns: { source: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1111` },
      quarantineBucketName: "central-quarantine",
      quarantineKmsKeyArn: `arn:aws:kms:us-east-1:${CENTRAL}:key/2222`,
      memberAccounts: { accountIds: MEMBERS, roleName: "kamae-central-responder", externalId: "ext-1" },
    });
    new MemberAccountAccess("member", {
      centralAccountId: CENTRAL,
      externalId: "ext-1",
      responders: ["malware-quarantine"],
      quarantineSourceBucketNames: ["uploads-prod"],
      quarantineSourceKeyArns: [`arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1111`],
      quarantineBucketName: quarantine.quarantineBucketName,
      quarantineKmsKeyArn: `arn:aws:kms:us-east-1:${CENTRAL}:key/2222`,
    });
    await settle();
    const home = rolePolicy("mq-mover-permissions");
    const member = rolePolicy("member-malware-quarantine");
    const sids = member.Statement.map((s) => s.Sid!);
    assert.deepEqual([...sids].sort(), ["DecryptSourceObjects", "EncryptCopies", "ListSourceVersions", "ReadTagAndRemoveScannedVersions", "WriteQuarantine"]);
    assert.deepEqual(bySid(member, sids), bySid(home, sids));
    assert.deepEqual(member.Statement.find((s) => s.Sid === "WriteQuarantine")!.Resource, ["arn:aws:s3:::central-quarantine/*"]);
  });

  it("MalwareQuarantine with memberAccounts lets the member roles write to the bucket it creates and use its key", async () => {
    new MalwareQuarantine("mq", { guardDutyBucketNames: { uploads: "uploads-prod" }, memberAccounts: { accountIds: MEMBERS, roleName: "kamae-central-responder", externalId: "ext-1" } });
    await settle();
    const policy = resourcesOfType("aws:s3/bucketPolicy:BucketPolicy").find((p) => p.name === "mq-quarantine-policy")!;
    const deny = JSON.parse(policy.inputs.policy).Statement.find((s: any) => s.Sid === "DenyWritesExceptWriters");
    const writers = JSON.stringify(deny.Condition);
    for (const id of MEMBERS) assert.ok(writers.includes(`arn:aws:iam::${id}:role/kamae-central-responder`), `${id}'s role may write copies`);
    const grants = resourcesOfType("aws:kms/grant:Grant").filter((g) => g.name.startsWith("mq-member-"));
    assert.deepEqual(grants.map((g) => g.inputs.granteePrincipal).sort(), MEMBERS.map((id) => `arn:aws:iam::${id}:role/kamae-central-responder`));
    for (const g of grants) assert.deepEqual([...g.inputs.operations].sort(), ["Decrypt", "GenerateDataKey"]);
  });

  it("GuardDutyResponder: both of its functions' acting statements, for the actions its routes use", async () => {
    new GuardDutyResponder("gd", {
      routes: [
        { name: "instances", typePrefixes: ["Backdoor:EC2/"], minSeverity: 7, actions: ["scan"] },
        { name: "credentials", typePrefixes: ["UnauthorizedAccess:IAMUser/"], actions: ["restrictCredentials"] },
        { name: "public-bucket", typePrefixes: ["Policy:S3/BucketBlockPublicAccessDisabled"], actions: ["blockPublicAccess"] },
        { name: "sensitive", source: "macie", typePrefixes: ["SensitiveData:"], actions: ["protectBucket"] },
      ],
      scanDocumentName: "Kamae-AntiMalwareScan",
      memberAccounts: { accountIds: MEMBERS, roleName: "kamae-central-responder", externalId: "ext-1" },
    });
    new MemberAccountAccess("member", {
      centralAccountId: CENTRAL,
      externalId: "ext-1",
      responders: ["guardduty-responder"],
      guardDutyActions: ["scan", "restrictCredentials", "blockPublicAccess", "protectBucket", "notify"],
      guardDutyScanDocumentName: "Kamae-AntiMalwareScan",
    });
    await settle();
    const member = rolePolicy("member-guardduty-responder");
    const home = { Version: "2012-10-17" as const, Statement: [...rolePolicy("gd-responder-permissions").Statement, ...rolePolicy("gd-credential-steps-permissions").Statement] };
    const sids = member.Statement.map((s) => s.Sid!);
    assert.deepEqual([...sids].sort(), ["ListCommandsIsNotResourceScoped", "LookupEventsIsNotResourceScoped", "NeverChangeProtectedPrincipals", "ProtectFindingBuckets", "ProtectSensitiveBuckets", "RestrictRoles", "RestrictUsers", "SendScan"]);
    // The grants are the same; each side denies writes to its own account's protected principals (here: the member role).
    const grants = sids.filter((sid) => sid !== "NeverChangeProtectedPrincipals");
    assert.deepEqual(bySid(member, grants), bySid(home, grants));
    assert.ok(member.Statement.find((s) => s.Sid === "NeverChangeProtectedPrincipals")!.Resource.includes(`arn:aws:iam::${ACCOUNT_ID}:role/kamae-central-responder`));
  });

  it("ApiActivityAlerts: reading the trail's log files (and decrypting them)", async () => {
    const key = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1111`;
    new ApiActivityAlerts("audit", { rules: [{ name: "console-logins", eventNames: ["ConsoleLogin"] }], existingTrailBucketName: "org-trail-logs", existingTrailKmsKeyArn: key });
    new MemberAccountAccess("member", { centralAccountId: CENTRAL, externalId: "ext-1", responders: ["api-activity-alerts"], cloudTrailBucketNames: { "org-trail": "org-trail-logs" }, cloudTrailKmsKeyArns: [key] });
    await settle();
    const member = rolePolicy("member-api-activity-alerts");
    const sids = member.Statement.map((s) => s.Sid!);
    assert.deepEqual([...sids].sort(), ["DecryptTrailFiles", "ReadTrailFiles"]);
    assert.deepEqual(bySid(member, sids), bySid(rolePolicy("audit-filter-permissions"), sids));
    assert.deepEqual(member.Statement.find((s) => s.Sid === "ReadTrailFiles")!.Resource, ["arn:aws:s3:::org-trail-logs/*/CloudTrail/*"]);
  });

  it("InstanceIsolation and PatchOnFinding scoped by Auto Scaling groups: the member role writes only to their instances, as at home", async () => {
    new InstanceIsolation("iso", { scope: { tagKey: "", autoScalingGroupNames: ["web-asg"] }, isolationInstanceProfileName: "kamae-isolation", memberAccounts: { accountIds: MEMBERS, roleName: "kamae-central-responder", externalId: "ext-1" } });
    new PatchOnFinding("patch", { scopeAutoScalingGroups: ["web-asg"] });
    new MemberAccountAccess("member", {
      centralAccountId: CENTRAL,
      externalId: "ext-1",
      responders: ["instance-isolation", "patch-on-finding"],
      isolationScopeTagKey: "",
      isolationScopeAutoScalingGroupNames: ["web-asg"],
      patchScopeAutoScalingGroups: ["web-asg"],
    });
    await settle();
    const isolationSids = ["PreserveAndTagInstanceOfScopeGroups", "PreserveAndTagInstanceUnderIsolation"];
    const member = rolePolicy("member-instance-isolation");
    assert.ok(!member.Statement.some((s) => s.Sid === "PreserveAndTagInstance"));
    assert.deepEqual(bySid(member, isolationSids), bySid(rolePolicy("iso-responder-permissions"), isolationSids));
    assert.deepEqual(bySid(member, ["PreserveAndTagInstanceOfScopeGroups"])[0].Condition, { StringEquals: { "aws:ResourceTag/aws:autoscaling:groupName": ["web-asg"] } });
    const onInstances = (doc: PolicyDocument) => doc.Statement.filter((s) => s.Sid?.startsWith("OnInstances")).map((s) => [s.Sid, s.Condition]);
    assert.deepEqual(onInstances(rolePolicy("member-patch-on-finding")), onInstances(rolePolicy("patch-patcher-permissions")));
    assert.deepEqual(onInstances(rolePolicy("patch-patcher-permissions")), [["OnInstancesOfScopeGroups", { StringEquals: { "aws:ResourceTag/aws:autoscaling:groupName": ["web-asg"] } }]]);
  });

  it("PatchOnFinding scoped by a tag: the member role tags and patches only instances carrying it, as at home", async () => {
    new PatchOnFinding("patch", { scopeTagKey: "team:patch", maintenanceWindow: { schedule: "cron(0 3 ? * SUN *)" } });
    new MemberAccountAccess("member", { centralAccountId: CENTRAL, externalId: "ext-1", responders: ["patch-on-finding"], patchMaintenanceWindow: true, patchScopeTagKey: "team:patch" });
    await settle();
    const home = rolePolicy("patch-patcher-permissions");
    const member = rolePolicy("member-patch-on-finding");
    // The home grant names its Region, the member's any Region: the conditions are the same.
    const tagging = (doc: PolicyDocument) => doc.Statement.find((s) => s.Sid === "TagForMaintenanceWindow")!.Condition;
    assert.deepEqual(tagging(member), tagging(home));
    assert.deepEqual(tagging(home)!.StringEqualsIgnoreCase, { "aws:ResourceTag/team:patch": "true" });
  });
});
