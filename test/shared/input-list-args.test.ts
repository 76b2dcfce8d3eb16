import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AgentRollout } from "../../components/agent-rollout";
import { EgressAllowlist } from "../../components/egress-allowlist";
import { GuardDutyResponder } from "../../components/guardduty-responder";
import { settingsFromEnv, stepSettingsFromEnv } from "../../components/guardduty-responder/lambda/settings";
import { InstanceIsolation, type InstanceIsolationArgs } from "../../components/instance-isolation";
import { MalwareQuarantine } from "../../components/malware-quarantine";
import { ManagedInstanceRole } from "../../components/managed-instance-role";
import { CentralEventBusAccess, MemberAccountAccess, type MemberAccountAccessArgs } from "../../components/member-account-access";
import { PatchOnFinding } from "../../components/patch-on-finding";
import { settingsFromEnv as patchSettingsFromEnv } from "../../components/patch-on-finding/lambda/settings";
import { WafAutoBlock } from "../../components/waf-auto-block";
import { labelledChild, stableSuffix } from "../../components/shared/naming";
import { evaluate } from "../harness/iam-evaluator";
import { ACCOUNT_ID, constructionRefusal as refusal, deploymentErrors, iamDocuments, resourceNamed, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

// A consumer program passes resources it creates itself (Outputs) to the list and label-map args. This file is also
// the typecheck test: `tsc` fails on it if one of these args stops accepting an Output.
// List args that make no child per item take Input<string> items; args that make a child per entry are label maps,
// whose children are named from the label (never from the value, which may be unknown until deploy).
const FSS_TOPIC = "arn:aws:sns:us-east-1:123456789012:fss-scan-results";
const granted = (needle: string) => iamDocuments().some((d) => JSON.stringify(d.document).includes(needle));
const functionEnv = (name: string) => resourcesOfType("aws:lambda/function:Function").find((f) => f.name === name)!.state.environment.variables;


describe("list args that name resources accept Outputs", () => {
  beforeEach(() => useOfflineMocks());

  it("MalwareQuarantine.sourceBucketNames: a bucket created in the same program", async () => {
    const uploads = new aws.s3.Bucket("uploads", { bucket: "uploads-created-here" });
    new MalwareQuarantine("mq", { fileStorageSecurityTopicArns: { fss: FSS_TOPIC }, sourceBucketNames: [uploads.bucket] });
    await settle();
    assert.ok(granted("arn:aws:s3:::uploads-created-here/*"), "the function may move objects out of the created bucket");
  });

  it("WafAutoBlock.accessLogs.bucketNames: the trigger's pattern names the created bucket", async () => {
    const logs = new aws.s3.Bucket("alb-logs", { bucket: "alb-logs-created-here" });
    new WafAutoBlock("waf", { accessLogs: { bucketNames: [logs.bucket, "existing-logs"] } });
    await settle();
    const patterns = resourcesOfType("aws:cloudwatch/eventRule:EventRule").map((r) => r.inputs.eventPattern).filter((p) => typeof p === "string" && p.includes("Object Created"));
    assert.deepEqual(JSON.parse(patterns[0]).detail.bucket.name, ["alb-logs-created-here", "existing-logs"]);
    assert.ok(granted("arn:aws:s3:::alb-logs-created-here/*"));
  });

  it("MemberAccountAccess.quarantineSourceBucketNames: a bucket created in the member account's program", async () => {
    const uploads = new aws.s3.Bucket("uploads", { bucket: "member-uploads-here" });
    new MemberAccountAccess("member", {
      centralAccountId: "111122223333",
      externalId: "x",
      responders: ["malware-quarantine"],
      quarantineSourceBucketNames: [uploads.bucket],
      quarantineBucketName: "central-quarantine",
    });
    await settle();
    assert.ok(granted("arn:aws:s3:::member-uploads-here/*"));
  });

  it("MalwareQuarantine: a created topic, bucket and key; children named from the labels", async () => {
    const topic = new aws.sns.Topic("fss-results");
    const uploads = new aws.s3.Bucket("uploads", { bucket: "scanned-uploads-here" });
    const key = new aws.kms.Key("uploads-key");
    const mq = new MalwareQuarantine("mq", {
      fileStorageSecurityTopicArns: { scanner: topic.arn },
      sourceBucketNames: [uploads.bucket],
      guardDutyBucketNames: { uploads: uploads.bucket },
      createMalwareProtectionPlans: true,
      sourceKmsKeyArns: { uploads: key.arn },
    });
    await settle();
    const topicArn = await valueOf(topic.arn);
    const keyArn = await valueOf(key.arn);
    assert.equal(resourceNamed("mq-fss-scanner").inputs.topic, topicArn);
    assert.equal(resourceNamed("mq-fss-scanner-invoke").inputs.sourceArn, topicArn);
    assert.equal(resourceNamed("mq-protection-uploads").inputs.protectedResource.s3Bucket.bucketName, "scanned-uploads-here");
    assert.equal(resourceNamed("mq-source-key-uploads").inputs.keyId, keyArn);
    const rule = resourcesOfType("aws:cloudwatch/eventRule:EventRule").find((r) => r.name === "mq-scan-results")!;
    assert.deepEqual(JSON.parse(rule.inputs.eventPattern).detail.s3ObjectDetails.bucketName, ["scanned-uploads-here"]);
    assert.equal(await valueOf(mq.eventRuleArn!), rule.state.arn);
    const mover = iamDocuments().find((d) => d.resource === "mq-mover-permissions")!.document;
    assert.equal(evaluate({ identity: [mover] }, { action: "kms:Decrypt", resource: keyArn }).decision, "allowed");
    assert.equal(evaluate({ identity: [mover] }, { action: "s3:DeleteObjectVersion", resource: "arn:aws:s3:::scanned-uploads-here/a.exe" }).decision, "allowed");
  });

  it("InstanceIsolation.isolationVpcIds: the empty group of a created VPC, named and output by label", async () => {
    const vpc = new aws.ec2.Vpc("app", { cidrBlock: "10.0.0.0/16" });
    const iso = new InstanceIsolation("iso", { isolationVpcIds: { app: vpc.id, legacy: "vpc-0a1b2c3d4e5f60718" } });
    await settle();
    const vpcId = await valueOf(vpc.id);
    assert.match(vpcId, /^vpc-/);
    const group = resourceNamed("iso-isolation-app");
    assert.equal(group.inputs.vpcId, vpcId);
    assert.equal(group.inputs.tags.Name, `kamae-isolation-${vpcId}`);
    assert.deepEqual(group.inputs.egress, []);
    assert.equal(resourceNamed("iso-isolation-legacy").inputs.vpcId, "vpc-0a1b2c3d4e5f60718");
    assert.deepEqual(Object.keys(await valueOf(iso.isolationSecurityGroupIds)).sort(), ["app", "legacy"]);
  });

  it("EgressAllowlist.vpcIds: a created VPC associated with the rule group and query logging, children named by label", async () => {
    const vpc = new aws.ec2.Vpc("workload", { cidrBlock: "10.1.0.0/16" });
    new EgressAllowlist("egress", { vpcIds: { workload: vpc.id }, failOpen: false });
    await settle();
    const vpcId = await valueOf(vpc.id);
    assert.equal(resourceNamed("egress-vpc-workload").inputs.vpcId, vpcId);
    assert.equal(resourceNamed("egress-vpc-workload-logging").inputs.resourceId, vpcId);
    assert.equal(resourceNamed("egress-vpc-workload-fail-mode").inputs.resourceId, vpcId);
  });

  it("ManagedInstanceRole.additionalPolicyArns: a policy created in the same program", async () => {
    const policy = new aws.iam.Policy("app-read", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::app/*" }] }) });
    new ManagedInstanceRole("web", { additionalPolicyArns: { "app-read": policy.arn } });
    await settle();
    assert.equal(resourceNamed("web-policy-app-read").inputs.policyArn, await valueOf(policy.arn));
  });

  it("MemberAccountAccess.cloudTrailBucketNames and deepSecurityTopicArns: a created trail bucket and topic", async () => {
    const trail = new aws.s3.Bucket("trail", { bucket: "member-trail-here" });
    const topic = new aws.sns.Topic("ds-events");
    new MemberAccountAccess("member", {
      centralAccountId: "111122223333",
      externalId: "x",
      responders: ["api-activity-alerts"],
      cloudTrailBucketNames: { org: trail.bucket },
      deepSecurityTopicArns: { agents: topic.arn },
      deepSecurityFunctionArns: { isolation: "arn:aws:lambda:us-east-1:111122223333:function:isolation" },
    });
    await settle();
    const [notification] = resourcesOfType("aws:s3/bucketNotification:BucketNotification");
    assert.deepEqual([notification.name, notification.inputs.bucket, notification.inputs.eventbridge], ["member-trail-org", "member-trail-here", true]);
    const rule = resourcesOfType("aws:cloudwatch/eventRule:EventRule").find((r) => r.name === "member-trail-org")!;
    assert.deepEqual(JSON.parse(rule.inputs.eventPattern).detail.bucket.name, ["member-trail-here"]);
    assert.ok(resourcesOfType("aws:cloudwatch/eventTarget:EventTarget").some((t) => t.name === "member-trail-org-target"));
    assert.ok(granted("arn:aws:s3:::member-trail-here/*/CloudTrail/*"));
    assert.equal(resourceNamed("member-ds-isolation-agents").inputs.topic, await valueOf(topic.arn));
  });

  it("PatchOnFinding.scopeAutoScalingGroups: a group created in the same program", async () => {
    const group = new aws.autoscaling.Group("web", { minSize: 1, maxSize: 2, availabilityZones: ["us-east-1a"] });
    new PatchOnFinding("patch", { scopeAutoScalingGroups: [group.name, "api"] });
    await settle();
    assert.deepEqual(patchSettingsFromEnv(resourcesOfType("aws:lambda/function:Function")[0].state.environment.variables).scopeAutoScalingGroups, [await valueOf(group.name), "api"]);
  });

  it("GuardDutyResponder.publicBuckets and protectedPrincipals: a created website bucket and break-glass role (by ARN and by name)", async () => {
    const site = new aws.s3.Bucket("site", { bucket: "public-site-here" });
    const breakglass = new aws.iam.Role("breakglass", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
    const admin = new aws.iam.Role("admin", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
    new GuardDutyResponder("gd", {
      routes: [{ name: "creds", typePrefixes: ["UnauthorizedAccess:IAMUser/"], minSeverity: 4, actions: ["restrictCredentials"] }, { name: "public", typePrefixes: ["Policy:S3/"], minSeverity: 4, actions: ["blockPublicAccess"] }],
      publicBuckets: [site.bucket, "static-*"],
      protectedPrincipals: [breakglass.arn, admin.name],
    });
    await settle();
    assert.deepEqual(settingsFromEnv(functionEnv("gd-responder-function")).publicBuckets, ["public-site-here", "static-*"]);
    const breakglassArn = await valueOf(breakglass.arn);
    const adminName = await valueOf(admin.name);
    const protectedPrincipals = stepSettingsFromEnv(functionEnv("gd-credential-steps-function")).protectedPrincipals;
    assert.ok(protectedPrincipals.includes(breakglassArn) && protectedPrincipals.includes(adminName));
    const identity = [iamDocuments().find((d) => d.resource === "gd-credential-steps-permissions")!.document];
    const can = (resource: string) => evaluate({ identity }, { action: "iam:PutRolePolicy", resource }).decision;
    assert.equal(can(breakglassArn), "explicitDeny");
    assert.equal(can(`arn:aws:iam::${ACCOUNT_ID}:role/${adminName}`), "explicitDeny");
    assert.equal(can(`arn:aws:iam::${ACCOUNT_ID}:role/ops/${adminName}`), "explicitDeny");
    assert.equal(can(`arn:aws:iam::${ACCOUNT_ID}:role/web-role`), "allowed");
  });
});

describe("label maps and Input lists still refuse what AWS would refuse, at construction", () => {
  beforeEach(() => useOfflineMocks());

  it("known bad values beside outputs are refused", () => {
    const vpc = new aws.ec2.Vpc("app", { cidrBlock: "10.0.0.0/16" });
    const bucket = new aws.s3.Bucket("b");
    assert.throws(() => new InstanceIsolation("i", { isolationVpcIds: { app: vpc.id, bad: "vpc-12" } }), /kamae:InstanceIsolation: isolationVpcIds: "vpc-12" is not a VPC id/);
    assert.throws(() => new EgressAllowlist("e", { vpcIds: { app: vpc.id, bad: "vpc-12" } }), /kamae:EgressAllowlist: vpcIds: "vpc-12" is not a VPC id/);
    assert.throws(() => new MalwareQuarantine("m", { guardDutyBucketNames: { app: bucket.bucket, bad: "Not_A_Bucket" } }), /guardDutyBucketNames: "Not_A_Bucket" is not an S3 bucket name/);
    assert.throws(() => new MalwareQuarantine("m", { guardDutyBucketNames: { app: bucket.bucket }, sourceKmsKeyArns: { a: "alias/x" } }), /sourceKmsKeyArns: "alias\/x" is not a KMS key ARN/);
    assert.throws(() => new MalwareQuarantine("m", { fileStorageSecurityTopicArns: { a: "topic" }, sourceBucketNames: [bucket.bucket] }), /fileStorageSecurityTopicArns: "topic" is not an SNS topic ARN/);
    assert.throws(() => new ManagedInstanceRole("r", { additionalPolicyArns: { admin: "AdministratorAccess" } }), /additionalPolicyArns: "AdministratorAccess" is not a managed policy ARN/);
    const base = { centralAccountId: "111122223333", externalId: "x", responders: ["api-activity-alerts" as const] };
    assert.throws(() => new MemberAccountAccess("a", { ...base, cloudTrailBucketNames: { org: "Bad_Bucket" } }), /cloudTrailBucketNames: "Bad_Bucket" is not an S3 bucket name/);
    assert.throws(
      () => new MemberAccountAccess("a", { ...base, cloudTrailBucketNames: { org: bucket.bucket }, deepSecurityTopicArns: { ds: "nope" }, deepSecurityFunctionArns: { f: "arn:aws:lambda:us-east-1:111122223333:function:f" } }),
      /deepSecurityTopicArns: "nope" is not an SNS topic ARN/,
    );
    assert.throws(() => new MemberAccountAccess("a", { ...base, cloudTrailBucketNames: {} }), /api-activity-alerts needs cloudTrailBucketNames/);
    assert.throws(() => new PatchOnFinding("p", { scopeAutoScalingGroups: [pulumi.output("web"), "web,api"] }), /scopeAutoScalingGroups: "web,api" is not an Auto Scaling group name/);
    assert.throws(() => new GuardDutyResponder("g", { publicBuckets: [bucket.bucket, "Site_Bucket"] }), /publicBuckets: "Site_Bucket" is not a bucket name/);
    assert.throws(() => new GuardDutyResponder("g", { protectedPrincipals: [pulumi.output("admin"), "*"] }), /protectedPrincipals: "\*" would protect every principal/);
    assert.throws(() => new MemberAccountAccess("a", { ...base, cloudTrailBucketNames: { org: "trail" }, guardDutyProtectedPrincipals: [pulumi.output("x"), "*"] }), /guardDutyProtectedPrincipals: "\*" would protect every principal/);
  });

  it("an output whose value turns out bad (known only at deploy) stops the function from being deployed with it", async () => {
    new PatchOnFinding("patch", { scopeAutoScalingGroups: [pulumi.output("web,api")] });
    new GuardDutyResponder("public", { publicBuckets: [pulumi.output("Site_Bucket")] });
    const creds = { routes: [{ name: "creds", typePrefixes: ["UnauthorizedAccess:IAMUser/"], minSeverity: 4, actions: ["restrictCredentials" as const] }] };
    new GuardDutyResponder("principals", { ...creds, protectedPrincipals: [pulumi.output("*")] });
    new GuardDutyResponder("good", { ...creds, publicBuckets: [pulumi.output("site")], protectedPrincipals: [pulumi.output("admin")] });
    await settle();
    const functions = resourcesOfType("aws:lambda/function:Function").map((f) => f.name);
    // The bad setting's function is never registered (and "principals"' responder waits on its steps function).
    assert.deepEqual(functions.filter((f) => !f.startsWith("good-")), []);
    assert.deepEqual(functions.filter((f) => f.startsWith("good-")).sort(), ["good-credential-steps-function", "good-responder-function"]);
  });

  it("a label map given as a list (a JavaScript or YAML program written for the earlier lists), or a label that cannot name a child, is refused", () => {
    const asList = (names: string[]) => names as unknown as Record<string, string>;
    assert.throws(() => new InstanceIsolation("i", { isolationVpcIds: asList(["vpc-0a1b2c3d4e5f60718"]) }), /isolationVpcIds must be a map of labels to values/);
    assert.throws(() => new MalwareQuarantine("m", { guardDutyBucketNames: asList(["uploads"]) }), /guardDutyBucketNames must be a map of labels to values/);
    assert.throws(() => new ManagedInstanceRole("r", { additionalPolicyArns: asList(["arn:aws:iam::aws:policy/ReadOnlyAccess"]) }), /additionalPolicyArns must be a map/);
    assert.throws(() => new EgressAllowlist("e", { vpcIds: asList(["vpc-0a1b2c3d4e5f60718"]) }), /vpcIds must be a map of labels to values/);
    const before = { namedVpcIds: { main: "vpc-0a1b2c3d4e5f60718" } } as unknown as { vpcIds: Record<string, string> };
    assert.throws(() => new EgressAllowlist("e", before), /namedVpcIds is now vpcIds/);
    assert.throws(() => new MalwareQuarantine("m", { guardDutyBucketNames: { Uploads_Prod: "uploads" } }), /guardDutyBucketNames label "Uploads_Prod" must be 1-40 lower-case letters, digits or hyphens/);
  });

  it("a plain value keeps the name its child had when the arg was a list (an alias: moving to the map replaces nothing); an output has no former name", () => {
    const plain = labelledChild("mq-fss", "scanner", FSS_TOPIC);
    assert.deepEqual(plain, { name: "mq-fss-scanner", formerName: `mq-fss-${stableSuffix(FSS_TOPIC)}`, aliases: [{ name: `mq-fss-${stableSuffix(FSS_TOPIC)}` }] });
    assert.deepEqual(labelledChild("mq-fss", "scanner", pulumi.output(FSS_TOPIC)), { name: "mq-fss-scanner", formerName: undefined, aliases: [] });
  });
});

describe("instance role names given as outputs: the policies plain names give, the same refusals at deploy", () => {
  const trust = JSON.stringify({ Version: "2012-10-17", Statement: [] });
  const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
  const namedRoleStatements = (policy: any) => policy.Statement.filter((s: any) => s.Sid?.endsWith("NamedRoles")).map((s: any) => [s.Sid, s.Resource]);
  /** The message a plain value gets at construction. */

  /** The isolation function's policy (also its boundary, with revokeRoleSessions) built on fresh mocks. */
  async function isolationPolicy(args: () => InstanceIsolationArgs): Promise<any> {
    await useOfflineMocks();
    new InstanceIsolation("iso", args());
    await settle();
    const policy = iamDocuments().find((d) => d.resource === "iso-responder-permissions")!.document;
    assert.deepEqual(iamDocuments().find((d) => d.resource === "iso-responder-boundary")?.document, policy);
    return policy;
  }

  it("InstanceIsolation.instanceRoleNames: a role created in the same program, or the whole list as one output", async () => {
    const scoped = { revokeRoleSessions: true, scope: { autoScalingGroupNames: ["web-asg"] } };
    const plain = await isolationPolicy(() => ({ ...scoped, instanceRoleNames: ["web-role", "apps/*"] }));
    const both = [roleArn("apps/*"), roleArn("web-role")];
    assert.deepEqual(namedRoleStatements(plain), [["PassBackNamedRoles", both], ["DenyOldSessionsOfNamedRoles", both]]);
    const created = await isolationPolicy(() => ({ ...scoped, instanceRoleNames: [new aws.iam.Role("web", { name: "web-role", assumeRolePolicy: trust }).name, "apps/*"] }));
    assert.deepEqual(created, plain);
    assert.equal(evaluate({ identity: [created] }, { action: "iam:PassRole", resource: roleArn("web-role"), context: { "iam:PassedToService": "ec2.amazonaws.com" } }).decision, "allowed");
    assert.deepEqual(await isolationPolicy(() => ({ ...scoped, instanceRoleNames: pulumi.output(["web-role", "apps/*"]) })), plain);
  });

  it("an output list that turns out empty grants what an empty plain list grants: no named-role statement", async () => {
    // The scope is the tag alone: tagged roles' sessions may be denied, so no name is needed.
    const plain = await isolationPolicy(() => ({ revokeRoleSessions: true, instanceRoleNames: [] }));
    assert.deepEqual(namedRoleStatements(plain), []);
    assert.ok(plain.Statement.some((s: any) => s.Sid === "DenyOldSessionsOfTaggedRoles"));
    assert.deepEqual(await isolationPolicy(() => ({ revokeRoleSessions: true, instanceRoleNames: pulumi.output([]) })), plain);
  });

  it("InstanceIsolation: a bad name, or no name where one is needed, known only at deploy fails the deployment with construction's message", async () => {
    await useOfflineMocks();
    const scoped = { revokeRoleSessions: true, scope: { autoScalingGroupNames: ["web-asg"] } };
    const expected = [
      refusal(() => new InstanceIsolation("p1", { instanceRoleNames: ["*"] })),
      refusal(() => new InstanceIsolation("p2", { instanceRoleNames: ["web role"] })),
      refusal(() => new InstanceIsolation("p3", { ...scoped, instanceRoleNames: [] })),
    ];
    assert.match(expected[2], /^kamae:InstanceIsolation: revokeRoleSessions needs instance roles/);
    const errors = await deploymentErrors(() => {
      new InstanceIsolation("every", { instanceRoleNames: [pulumi.output("*")] });
      new InstanceIsolation("spaced", { instanceRoleNames: pulumi.output(["web-role", "web role"]) });
      new InstanceIsolation("none", { ...scoped, instanceRoleNames: pulumi.output([]) });
    });
    assert.deepEqual(errors.sort(), expected.sort());
    // Neither the policy nor the function is deployed with the bad value.
    assert.deepEqual(resourcesOfType("aws:lambda/function:Function").map((f) => f.name), []);
    assert.deepEqual(iamDocuments().filter((d) => d.resource.endsWith("-permissions")), []);
  });

  it("InstanceIsolation: a name unknown at preview is not judged then, and the policy stays unknown (not a policy without it)", async () => {
    await useOfflineMocks();
    const errors = await deploymentErrors(() => {
      new InstanceIsolation("later", { revokeRoleSessions: true, scope: { autoScalingGroupNames: ["web-asg"] }, instanceRoleNames: [pulumi.output(pulumi.unknown) as pulumi.Output<string>] });
    });
    assert.deepEqual(errors, []);
    const policy = resourceNamed("later-responder-permissions");
    assert.equal(policy.inputs.policy, undefined);
    assert.ok(resourcesOfType("aws:lambda/function:Function").some((f) => f.name === "later-responder-function"));
  });

  const member = (args: Partial<MemberAccountAccessArgs>): MemberAccountAccessArgs => ({ centralAccountId: "111122223333", externalId: "x", responders: ["instance-isolation"], isolationRevokeRoleSessions: true, ...args });
  /** The member role's isolation policy and boundary, built on fresh mocks. */
  async function memberPolicies(args: () => MemberAccountAccessArgs): Promise<any[]> {
    await useOfflineMocks();
    new MemberAccountAccess("member", args());
    await settle();
    return ["member-instance-isolation", "member-boundary"].map((name) => iamDocuments().find((d) => d.resource === name)!.document);
  }

  it("MemberAccountAccess.isolationInstanceRoleNames: a role created in the member account's program, or the list as one output", async () => {
    const plain = await memberPolicies(() => member({ isolationInstanceRoleNames: ["web-role", "apps/*"] }));
    const both = [roleArn("apps/*"), roleArn("web-role")];
    for (const document of plain) assert.deepEqual(namedRoleStatements(document), [["PassBackNamedRoles", both], ["DenyOldSessionsOfNamedRoles", both]]);
    assert.deepEqual(await memberPolicies(() => member({ isolationInstanceRoleNames: [new aws.iam.Role("web", { name: "web-role", assumeRolePolicy: trust }).name, "apps/*"] })), plain);
    assert.deepEqual(await memberPolicies(() => member({ isolationInstanceRoleNames: pulumi.output(["apps/*", "web-role"]) })), plain);
  });

  it("MemberAccountAccess: a bad name, or names too many for the boundary, known only at deploy fail the deployment as plain ones fail preview", async () => {
    await useOfflineMocks();
    const many = Array.from({ length: 120 }, (_, i) => `workload-instance-role-${String(i).padStart(3, "0")}`);
    const expected = refusal(() => new MemberAccountAccess("plain", member({ isolationInstanceRoleNames: ["*"] })));
    const errors = await deploymentErrors(() => {
      new MemberAccountAccess("every", member({ isolationInstanceRoleNames: [pulumi.output("*")] }));
      new MemberAccountAccess("many", member({ isolationInstanceRoleNames: pulumi.output(many) }));
    });
    assert.equal(errors.length, 2, errors.join("\n"));
    assert.ok(errors.includes(expected), errors.join("\n"));
    assert.match(errors.find((e) => e !== expected)!, /^kamae:MemberAccountAccess: the member role's permissions boundary is \d+ characters, over the 6144 IAM allows a managed policy .*largest statements: (PassBackNamedRoles|DenyOldSessionsOfNamedRoles) \(\d+ characters: \d+ actions, 120 resources\)/);
    assert.deepEqual(resourcesOfType("aws:iam/policy:Policy").map((p) => p.name), []);
  });
});

describe("names of the member account's resources and of SSM documents given as outputs", () => {
  const base: MemberAccountAccessArgs = { centralAccountId: "111122223333", externalId: "x", responders: ["instance-isolation", "patch-on-finding", "guardduty-responder"], guardDutyActions: ["scan"] };
  /** What a MemberAccountAccess builds (on fresh mocks): its role policies and isolation profile and role. */
  async function memberBuild(args: () => Partial<MemberAccountAccessArgs>) {
    await useOfflineMocks();
    new MemberAccountAccess("member", { ...base, ...args() });
    await settle();
    return {
      policies: Object.fromEntries(iamDocuments().filter((d) => d.resource.startsWith("member-") && !d.resource.endsWith("-role")).map((d) => [d.resource, d.document])),
      profile: resourceNamed("member-isolation-profile").inputs.name,
      role: resourceNamed("member-isolation-role").inputs.name,
    };
  }
  const plainArgs = { isolationInstanceProfileName: "kamae-isolation-prod", isolationScopeAutoScalingGroupNames: ["web-asg"], patchScopeAutoScalingGroups: ["web-asg"], guardDutyScanDocumentName: "AV-Scan" };

  it("MemberAccountAccess: the isolation profile's name from the central stack, groups and a scan document created here", async () => {
    const plain = await memberBuild(() => plainArgs);
    assert.deepEqual([plain.profile, plain.role], ["kamae-isolation-prod", "kamae-isolation-prod-role"]);
    const grants = (resource: string) => JSON.stringify(plain.policies).includes(resource);
    assert.ok(grants(`arn:aws:iam::${ACCOUNT_ID}:role/kamae-isolation-prod-role`) && grants(`document/AV-Scan`) && grants(`"aws:ResourceTag/aws:autoscaling:groupName":["web-asg"]`));
    const outputs = await memberBuild(() => {
      const group = new aws.autoscaling.Group("web", { name: "web-asg", minSize: 1, maxSize: 2, availabilityZones: ["us-east-1a"] });
      const document = new aws.ssm.Document("scan", { name: "AV-Scan", documentType: "Command", content: "{}" });
      return { isolationInstanceProfileName: pulumi.output("kamae-isolation-prod"), isolationScopeAutoScalingGroupNames: [group.name], patchScopeAutoScalingGroups: [group.name], guardDutyScanDocumentName: document.name };
    });
    assert.deepEqual([outputs.profile, outputs.role], [plain.profile, plain.role]);
    assert.deepEqual(outputs.policies, plain.policies);
  });

  it("MemberAccountAccess: a bad profile name, group name or document name known only at deploy fails the deployment with construction's message", async () => {
    await useOfflineMocks();
    const long = "p".repeat(60);
    const expected = [
      refusal(() => new MemberAccountAccess("p1", { ...base, ...plainArgs, isolationInstanceProfileName: long })),
      refusal(() => new MemberAccountAccess("p2", { ...base, ...plainArgs, isolationScopeAutoScalingGroupNames: ["web,api"] })),
      refusal(() => new MemberAccountAccess("p3", { ...base, ...plainArgs, patchScopeAutoScalingGroups: ["web,api"] })),
      refusal(() => new MemberAccountAccess("p4", { ...base, ...plainArgs, guardDutyScanDocumentName: "AV Scan" })),
    ];
    const errors = await deploymentErrors(() => {
      new MemberAccountAccess("a", { ...base, ...plainArgs, isolationInstanceProfileName: pulumi.output(long) });
      new MemberAccountAccess("b", { ...base, ...plainArgs, isolationScopeAutoScalingGroupNames: [pulumi.output("web,api")] });
      new MemberAccountAccess("c", { ...base, ...plainArgs, patchScopeAutoScalingGroups: ["web-asg", pulumi.output("web,api")] });
      new MemberAccountAccess("d", { ...base, ...plainArgs, guardDutyScanDocumentName: pulumi.output("AV Scan") });
    });
    assert.deepEqual(errors.sort(), expected.sort());
  });

  const scanRoutes = [{ name: "scan", typePrefixes: ["Execution:EC2/"], minSeverity: 4, actions: ["scan" as const] }];
  async function scanner(document: () => pulumi.Input<string>) {
    await useOfflineMocks();
    new GuardDutyResponder("gd", { routes: scanRoutes, scanDocumentName: document() });
    await settle();
    return { policy: iamDocuments().find((d) => d.resource === "gd-responder-permissions")!.document, document: settingsFromEnv(functionEnv("gd-responder-function")).scanDocumentName };
  }

  it("GuardDutyResponder.scanDocumentName: a document created in the same program", async () => {
    const plain = await scanner(() => "AV-Scan");
    assert.equal(plain.document, "AV-Scan");
    assert.ok(plain.policy.Statement.some((s: any) => s.Sid === "SendScan" && s.Resource.includes(`arn:aws:ssm:*:${ACCOUNT_ID}:document/AV-Scan`)));
    assert.deepEqual(await scanner(() => new aws.ssm.Document("scan", { name: "AV-Scan", documentType: "Command", content: "{}" }).name), plain);
    await useOfflineMocks();
    const expected = refusal(() => new GuardDutyResponder("p", { routes: scanRoutes, scanDocumentName: "AV Scan" }));
    assert.deepEqual(await deploymentErrors(() => new GuardDutyResponder("bad", { routes: scanRoutes, scanDocumentName: pulumi.output("AV Scan") })), [expected]);
    assert.deepEqual(resourcesOfType("aws:lambda/function:Function").filter((f) => f.name === "bad-responder-function"), []);
  });
});

describe("whole lists of ids given as one output (a VPC's subnets, an organization's accounts)", () => {
  const SUBNETS = ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"];
  const firewall = (subnetIds: pulumi.Input<pulumi.Input<string>[]>) => new EgressAllowlist("egress", { vpcIds: { a: "vpc-0a1b2c3d4e5f60718" }, networkFirewall: { vpcId: "vpc-0a1b2c3d4e5f60718", subnetIds } });

  it("EgressAllowlist.networkFirewall.subnetIds: created subnets, or the list as one output", async () => {
    for (const subnetIds of [() => SUBNETS, () => pulumi.output(SUBNETS), () => [new aws.ec2.Subnet("fw-a", { vpcId: "vpc-0a1b2c3d4e5f60718", cidrBlock: "10.0.0.0/28" }).id, SUBNETS[1]]]) {
      await useOfflineMocks();
      const ids = subnetIds();
      firewall(ids);
      await settle();
      assert.deepEqual(resourceNamed("egress-nf").inputs.subnetMappings, (await valueOf(pulumi.output(ids))).map((subnetId) => ({ subnetId })));
    }
  });

  it("EgressAllowlist: a bad subnet id, or no subnet, known only at deploy fails the deployment with construction's message", async () => {
    await useOfflineMocks();
    const expected = [refusal(() => firewall(["subnet-12"])), refusal(() => firewall([]))];
    const errors = await deploymentErrors(() => {
      firewall(pulumi.output(["subnet-12"]));
      new EgressAllowlist("none", { vpcIds: { a: "vpc-0a1b2c3d4e5f60718" }, networkFirewall: { vpcId: "vpc-0a1b2c3d4e5f60718", subnetIds: pulumi.output([]) } });
    });
    assert.deepEqual(errors.sort(), expected.sort());
    assert.deepEqual(resourcesOfType("aws:networkfirewall/firewall:Firewall"), []);
  });

  it("CentralEventBusAccess.memberAccountIds: the same bus policy from an output list; a bad or missing id fails the deployment as at construction", async () => {
    const busPolicy = async (memberAccountIds: pulumi.Input<pulumi.Input<string>[]>) => {
      await useOfflineMocks();
      new CentralEventBusAccess("central", { memberAccountIds });
      await settle();
      return JSON.parse(resourceNamed("central-policy").inputs.policy);
    };
    const plain = await busPolicy(["222222222222", "111111111111"]);
    assert.deepEqual(plain.Statement[0].Principal.AWS, ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"]);
    assert.deepEqual(await busPolicy(pulumi.output(["111111111111", pulumi.output("222222222222")])), plain);
    await useOfflineMocks();
    const expected = [refusal(() => new CentralEventBusAccess("p1", { memberAccountIds: ["12"] })), refusal(() => new CentralEventBusAccess("p2", { memberAccountIds: [] }))];
    const errors = await deploymentErrors(() => {
      new CentralEventBusAccess("bad", { memberAccountIds: [pulumi.output("12")] });
      new CentralEventBusAccess("none", { memberAccountIds: pulumi.output([]) });
    });
    assert.deepEqual(errors.sort(), expected.sort());
    assert.deepEqual(resourcesOfType("aws:cloudwatch/eventBusPolicy:EventBusPolicy"), []);
  });
});

describe("memberAccounts.roleName given as an output (MemberAccountAccess's roleName through a stack reference)", () => {
  const members = (roleName: pulumi.Input<string>) => ({ accountIds: ["222233334444", "555566667777"], roleName, externalId: "ext-1" });
  /** The isolation function's settings and policy, and MalwareQuarantine's member key grants, on fresh mocks. */
  async function central(roleName: () => pulumi.Input<string>) {
    await useOfflineMocks();
    new InstanceIsolation("iso", { memberAccounts: members(roleName()) });
    new MalwareQuarantine("mq", { fileStorageSecurityTopicArns: { fss: FSS_TOPIC }, sourceBucketNames: ["uploads"], memberAccounts: members(roleName()) });
    await settle();
    const fn = resourcesOfType("aws:lambda/function:Function").find((f) => f.name === "iso-responder-function")!;
    return {
      env: fn.inputs.environment.variables,
      policy: iamDocuments().find((d) => d.resource === "iso-responder-permissions")!.document,
      grants: resourcesOfType("aws:kms/grant:Grant").map((g) => g.inputs.granteePrincipal).sort(),
    };
  }

  it("InstanceIsolation and MalwareQuarantine: the same settings, policy and grants as the plain name", async () => {
    const plain = await central(() => "kamae-central-responder");
    const arns = ["arn:aws:iam::222233334444:role/kamae-central-responder", "arn:aws:iam::555566667777:role/kamae-central-responder"];
    assert.deepEqual(plain.policy.Statement.find((s: any) => s.Sid === "ActInMemberAccounts").Resource, arns);
    assert.deepEqual(plain.grants, arns);
    assert.deepEqual(await central(() => pulumi.output("kamae-central-responder")), plain);
  });

  it("a bad role name known only at deploy fails the deployment with construction's message", async () => {
    await useOfflineMocks();
    let expected = "";
    try {
      new InstanceIsolation("plain", { memberAccounts: members("central responder") });
    } catch (err) {
      expected = (err as Error).message;
    }
    assert.match(expected, /^kamae:InstanceIsolation: memberAccounts.roleName "central responder" is not a role name$/);
    assert.deepEqual(await deploymentErrors(() => new InstanceIsolation("bad", { memberAccounts: members(pulumi.output("central responder")) })), [expected]);
    assert.deepEqual(resourcesOfType("aws:lambda/function:Function"), []);
  });
});

describe("AgentRollout.packageName given as an output", () => {
  const tenant = { activationUrl: "dsm://agents.example.com:443/", managerUrl: "https://manager.example.com:443", tenantId: "8C2A1B3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D", token: "token-1" };

  it("a package document created in the same program is installed by its name; a bad name known only at deploy fails the deployment as at construction", async () => {
    await useOfflineMocks();
    const doc = new aws.ssm.Document("agent-package", { name: "Acme-Agent", documentType: "Package", content: "{}" });
    new AgentRollout("agent", { ...tenant, packageName: doc.name });
    await settle();
    const [association] = resourcesOfType("aws:ssm/association:Association");
    assert.equal(association.inputs.parameters.name, "Acme-Agent");
    await useOfflineMocks();
    let expected = "";
    try {
      new AgentRollout("plain", { ...tenant, packageName: "Acme Agent" });
    } catch (err) {
      expected = (err as Error).message;
    }
    assert.match(expected, /^kamae:AgentRollout: packageName "Acme Agent" must be/);
    assert.deepEqual(await deploymentErrors(() => new AgentRollout("bad", { ...tenant, packageName: pulumi.output("Acme Agent") })), [expected]);
    assert.deepEqual(resourcesOfType("aws:ssm/association:Association"), []);
  });
});

describe("MemberAccountAccess.centralPrincipalArns given as one output (the central roles through a stack reference)", () => {
  it("trusts exactly the same principals as the plain list; an empty output list means the default, as [] does", async () => {
    const trust = async (centralPrincipalArns?: pulumi.Input<pulumi.Input<string>[]>) => {
      await useOfflineMocks();
      new MemberAccountAccess("member", { centralAccountId: "111122223333", externalId: "x", responders: ["instance-isolation"], centralPrincipalArns });
      await settle();
      return JSON.parse(resourceNamed("member-role").inputs.assumeRolePolicy);
    };
    const arns = ["arn:aws:iam::111122223333:role/kamae/iso-responder-role-1", "arn:aws:iam::111122223333:role/kamae/gd-responder-role-2"];
    const plain = await trust(arns);
    assert.deepEqual(plain.Statement[0].Condition.ArnLike["aws:PrincipalArn"], arns);
    assert.deepEqual(await trust(pulumi.output(arns)), plain);
    const byDefault = await trust([]);
    assert.deepEqual(byDefault.Statement[0].Condition.ArnLike["aws:PrincipalArn"], ["arn:aws:iam::111122223333:role/kamae/*"]);
    assert.deepEqual(await trust(pulumi.output([])), byDefault);
  });
});
