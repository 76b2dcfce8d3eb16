import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { CentralEventBusAccess, MemberAccountAccess, CENTRAL_RESPONDERS, type MemberAccountAccessArgs } from "../../components/member-account-access";
import { boundaryPolicy } from "../../components/member-account-access/index";
import { memberStatements } from "../../components/member-account-access/permissions";
import { grantsWildcardAction, managedPolicyOversize, MANAGED_POLICY_MAX_CHARACTERS, parsePolicyDocument } from "../../components/shared/iam/policy";
import { evaluate } from "../harness/iam-evaluator";
import { ACCOUNT_ID, builtResources, constructionRefusal, deploymentErrors, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const CENTRAL = "999999999999";

describe("MemberAccountAccess", () => {
  beforeEach(() => useOfflineMocks());

  it("trusts only the central account, with the external id, and names no wildcard principal", async () => {
    const access = new MemberAccountAccess("member", {
      centralAccountId: CENTRAL,
      externalId: "kamae-ext-7f3a",
      centralPrincipalArns: [`arn:aws:iam::${CENTRAL}:role/kamae-isolation-role`],
      responders: ["instance-isolation"],
    });
    await settle();
    const [role] = resourcesOfType("aws:iam/role:Role").filter((r) => r.name === "member-role");
    const trust = JSON.parse(role.inputs.assumeRolePolicy);
    assert.equal(trust.Statement.length, 1);
    const [statement] = trust.Statement;
    assert.deepEqual(statement.Principal, { AWS: `arn:aws:iam::${CENTRAL}:root` });
    assert.equal(statement.Condition.StringEquals["sts:ExternalId"], "kamae-ext-7f3a");
    assert.deepEqual(statement.Condition.ArnLike["aws:PrincipalArn"], [`arn:aws:iam::${CENTRAL}:role/kamae-isolation-role`]);
    assert.equal(role.inputs.name, "kamae-central-responder");
    assert.equal(await valueOf(access.roleName), "kamae-central-responder");
  });

  it("by default trusts the central responders' roles only, not every principal of the central account (evaluated)", async () => {
    new MemberAccountAccess("member", { centralAccountId: CENTRAL, externalId: "kamae-ext-7f3a", responders: ["instance-isolation"] });
    new MemberAccountAccess("org", { centralAccountId: CENTRAL, externalId: "kamae-ext-7f3a", responders: ["instance-isolation"], organizationId: "o-abc123", roleName: "kamae-org" });
    await settle();
    const trust = (name: string) => JSON.parse(resourcesOfType("aws:iam/role:Role").find((r) => r.name === `${name}-role`)!.inputs.assumeRolePolicy);
    const assume = (name: string, principalArn: string, extra: Record<string, string> = {}) =>
      evaluate({ identity: [trust(name)] }, { action: "sts:AssumeRole", resource: "*", context: { "aws:PrincipalArn": principalArn, "sts:ExternalId": "kamae-ext-7f3a", ...extra } }).decision;
    // A responder's role (ResponderFunction puts every one under /kamae/) may; any other central role that learnt the id may not.
    assert.equal(assume("member", `arn:aws:iam::${CENTRAL}:role/kamae/isolation-responder-role-1a2b3c4`), "allowed");
    assert.equal(assume("member", `arn:aws:iam::${CENTRAL}:role/ci-deployer`), "implicitDeny");
    assert.equal(assume("member", `arn:aws:iam::${CENTRAL}:user/analyst`), "implicitDeny");
    // With an organization, a principal outside it is refused even with the right role path and external id.
    assert.equal(assume("org", `arn:aws:iam::${CENTRAL}:role/kamae/x`, { "aws:PrincipalOrgID": "o-abc123" }), "allowed");
    assert.equal(assume("org", `arn:aws:iam::${CENTRAL}:role/kamae/x`, { "aws:PrincipalOrgID": "o-other" }), "implicitDeny");
    assert.equal(assume("org", `arn:aws:iam::${CENTRAL}:role/kamae/x`), "implicitDeny");
  });

  it("carries exactly the enabled responders' permissions, scoped to this account, with no wildcard actions", async () => {
    new MemberAccountAccess("member", {
      centralAccountId: CENTRAL,
      externalId: "x-123456",
      responders: [...CENTRAL_RESPONDERS],
      quarantineSourceBucketNames: ["uploads-bucket"],
      quarantineSourceKeyArns: [`arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/abc`],
      quarantineBucketName: "central-quarantine",
      guardDutyActions: ["isolate", "scan", "restrictCredentials", "blockPublicAccess", "protectBucket"],
      guardDutyScanDocumentName: "Kamae-MalwareScan",
      cloudTrailBucketNames: { "org-trail": "org-trail-logs" },
    });
    await settle();
    const policies = resourcesOfType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.inputs.name?.startsWith("kamae-"));
    assert.deepEqual(policies.map((p) => p.inputs.name).sort(), CENTRAL_RESPONDERS.map((r) => `kamae-${r}`).sort());
    for (const p of policies) {
      const doc = parsePolicyDocument(p.inputs.policy);
      assert.equal(grantsWildcardAction(doc), false, `${p.inputs.name} grants a wildcard action`);
      for (const s of doc.Statement) {
        for (const resource of s.Resource) {
          // Every ARN names this account (or is account-less by AWS's design: S3 objects, snapshots, AWS documents).
          if (resource === "*") continue;
          assert.ok(resource.includes(ACCOUNT_ID) || /:s3:::|::snapshot|::document\/|^arn:aws:kms/.test(resource), `${p.inputs.name}: ${resource} is not scoped to the account`);
        }
      }
    }
    const quarantine = parsePolicyDocument(policies.find((p) => p.inputs.name === "kamae-malware-quarantine")!.inputs.policy);
    assert.ok(quarantine.Statement.some((s) => s.Resource.includes("arn:aws:s3:::uploads-bucket/*") && s.Action.includes("s3:DeleteObjectVersion")));
    assert.ok(quarantine.Statement.some((s) => s.Action.includes("kms:Decrypt")));
  });

  it("checks the boundary against IAM's managed policy size before deploying, naming the statements that grew it", async () => {
    const boundary = () => resourcesOfType("aws:iam/policy:Policy").find((p) => p.name === "member-boundary")!;
    const principals = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::${ACCOUNT_ID}:role/break-glass-operator-${String(i).padStart(3, "0")}`);
    const base = { centralAccountId: CENTRAL, externalId: "ext-1", responders: ["guardduty-responder" as const], guardDutyActions: ["restrictCredentials" as const] };
    new MemberAccountAccess("member", { ...base, guardDutyProtectedPrincipals: principals(40) });
    await settle();
    const fits = boundary().inputs.policy as string;
    assert.equal(managedPolicyOversize(fits), undefined);
    assert.ok(fits.replace(/\s/g, "").length > 2000 && fits.replace(/\s/g, "").length <= MANAGED_POLICY_MAX_CHARACTERS);

    // Twice as many protected principals: the boundary's Deny of them no longer fits in a managed policy.
    const statements = memberStatements("guardduty-responder", { partition: "aws", accountId: ACCOUNT_ID, quarantineSourceBucketNames: [], quarantineSourceKeyArns: [], guardDutyActions: ["restrictCredentials"], guardDutyProtectedPrincipals: principals(200) });
    await assert.rejects(
      (boundaryPolicy(statements) as any).promise(),
      /kamae:MemberAccountAccess: the member role's permissions boundary is \d+ characters, over the 6144 IAM allows a managed policy \(whitespace not counted\); largest statements: NeverChangeProtectedPrincipals \(\d+ characters: 3 actions, \d+ resources\)/,
    );
  });

  it("measures a managed policy as IAM does: whitespace not counted, the largest statements named", () => {
    const statement = (sid: string, n: number) => ({ Sid: sid, Effect: "Allow", Action: ["s3:GetObject"], Resource: Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) });
    const doc = (n: number) => JSON.stringify({ Version: "2012-10-17", Statement: [statement("Small", 1), statement("Large", n)] });
    let n = 1;
    while (managedPolicyOversize(doc(n + 1)) === undefined) n++;
    // The largest document that fits is at most 6144 characters once whitespace is taken out, the next one over.
    assert.ok(doc(n).length <= MANAGED_POLICY_MAX_CHARACTERS && doc(n + 1).length > MANAGED_POLICY_MAX_CHARACTERS);
    assert.equal(managedPolicyOversize(JSON.stringify(JSON.parse(doc(n)), null, 4)), undefined, "indentation is not counted");
    assert.match(managedPolicyOversize(doc(n + 1))!, /^\d+ characters, over the 6144 IAM allows a managed policy \(whitespace not counted\); largest statements: Large \(\d+ characters: 1 actions, \d+ resources\), Small/);
  });

  it("a role that writes IAM is bounded as the central credential steps are: a policy attached later widens nothing (evaluated)", async () => {
    new MemberAccountAccess("member", {
      centralAccountId: CENTRAL,
      externalId: "x-123456",
      responders: ["guardduty-responder", "instance-isolation"],
      guardDutyActions: ["restrictCredentials", "blockPublicAccess"],
      guardDutyProtectedPrincipals: ["break-glass"],
      isolationRevokeRoleSessions: true,
    });
    new MemberAccountAccess("isolate-only", { centralAccountId: CENTRAL, externalId: "x-123456", responders: ["instance-isolation"], roleName: "kamae-isolate-only" });
    new MemberAccountAccess("alerts", { centralAccountId: CENTRAL, externalId: "x-123456", responders: ["api-activity-alerts"], cloudTrailBucketNames: { "org-trail": "org-trail-logs" }, roleName: "kamae-alerts" });
    await settle();
    const role = (name: string) => resourcesOfType("aws:iam/role:Role").find((r) => r.name === `${name}-role`)!;
    const boundary = resourcesOfType("aws:iam/policy:Policy").find((p) => p.name === "member-boundary")!;
    assert.equal(role("member").inputs.permissionsBoundary, boundary.state.arn);
    // Passing the isolation role back is an IAM write too; reading trails is not.
    assert.ok(role("isolate-only").inputs.permissionsBoundary);
    assert.equal(role("alerts").inputs.permissionsBoundary, undefined);
    // Someone attaches AdministratorAccess to the role later.
    const admin = { Statement: [{ Effect: "Allow" as const, Action: "*", Resource: "*" }] };
    const own = resourcesOfType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.startsWith("member-") && p.name !== "member-forwarder-policy").map((p) => p.inputs.policy as string);
    const ask = (action: string, resource: string, context: Record<string, string> = {}) =>
      evaluate({ identity: [...own, admin], boundary: boundary.inputs.policy }, { action, resource, context }).decision;
    const iam = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT_ID}:${kind}/${name}`;
    assert.equal(ask("iam:PutUserPolicy", iam("user", "stolen-key-user")), "allowed");
    assert.equal(ask("iam:PutUserPolicy", iam("user", "break-glass")), "explicitDeny");
    assert.equal(ask("iam:PutRolePolicy", iam("role", "kamae-central-responder")), "explicitDeny");
    assert.equal(ask("iam:CreateUser", iam("user", "backdoor")), "implicitDeny");
    assert.equal(ask("iam:AttachRolePolicy", iam("role", "web-role")), "implicitDeny");
    assert.equal(ask("iam:PassRole", iam("role", "admin"), { "iam:PassedToService": "ec2.amazonaws.com" }), "implicitDeny");
    assert.equal(ask("s3:DeleteBucket", "arn:aws:s3:::payroll"), "implicitDeny");
    assert.equal(ask("s3:PutBucketPublicAccessBlock", "arn:aws:s3:::payroll", { "s3:ResourceAccount": ACCOUNT_ID }), "allowed");
  });

  it("forwards the chosen security events and CloudTrail log objects to the central bus through a role of its own", async () => {
    new MemberAccountAccess("member", {
      centralAccountId: CENTRAL,
      externalId: "x-123456",
      responders: ["api-activity-alerts"],
      forwardEvents: ["guardduty-findings", "inspector-findings"],
      cloudTrailBucketNames: { "org-trail": "org-trail-logs" },
    });
    await settle();
    const rules = resourcesOfType("aws:cloudwatch/eventRule:EventRule");
    const patterns = rules.map((r) => JSON.parse(r.inputs.eventPattern));
    assert.deepEqual(patterns.map((p) => p.source[0]).sort(), ["aws.guardduty", "aws.inspector2", "aws.s3"]);
    const trail = patterns.find((p) => p.source[0] === "aws.s3");
    assert.deepEqual(trail.detail.bucket.name, ["org-trail-logs"]);
    const targets = resourcesOfType("aws:cloudwatch/eventTarget:EventTarget");
    assert.equal(targets.length, 3);
    for (const t of targets) assert.equal(t.inputs.arn, `arn:aws:events:us-east-1:${CENTRAL}:event-bus/default`);
    const [notification] = resourcesOfType("aws:s3/bucketNotification:BucketNotification");
    assert.equal(notification.inputs.eventbridge, true);
    const forwarder = resourcesOfType("aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "member-forwarder-policy")!;
    assert.deepEqual(parsePolicyDocument(forwarder.inputs.policy).Statement[0].Action, ["events:PutEvents"]);
  });

  it("subscribes the central functions to the account's Deep Security topics", async () => {
    new MemberAccountAccess("member", {
      centralAccountId: CENTRAL,
      externalId: "x-123456",
      responders: ["instance-isolation"],
      forwardEvents: [],
      deepSecurityTopicArns: { agents: `arn:aws:sns:us-east-1:${ACCOUNT_ID}:ds-events` },
      deepSecurityFunctionArns: { isolation: `arn:aws:lambda:us-east-1:${CENTRAL}:function:isolate` },
    });
    await settle();
    const [sub] = resourcesOfType("aws:sns/topicSubscription:TopicSubscription");
    assert.equal(sub.inputs.protocol, "lambda");
    assert.equal(sub.inputs.endpoint, `arn:aws:lambda:us-east-1:${CENTRAL}:function:isolate`);
    assert.equal(resourcesOfType("aws:cloudwatch/eventRule:EventRule").length, 0);
  });

  it("refuses arguments that would grant the wrong thing, with clear messages", () => {
    const base = { centralAccountId: CENTRAL, externalId: "x-123456" };
    assert.throws(() => new MemberAccountAccess("a", { ...base, responders: [] }), /at least one central responder/);
    assert.throws(() => new MemberAccountAccess("b", { ...base, responders: ["root-access" as any] }), /responders must be one of .* got "root-access"/);
    // Deployed in each account instead: they never act through the member role.
    assert.throws(() => new MemberAccountAccess("b2", { ...base, responders: ["waf-auto-block" as any] }), /responders must be one of .* got "waf-auto-block"/);
    assert.throws(() => new MemberAccountAccess("b3", { ...base, responders: ["traffic-mirror-feed" as any] }), /responders must be one of .* got "traffic-mirror-feed"/);
    assert.throws(() => new MemberAccountAccess("c", { ...base, responders: ["malware-quarantine"] }), /quarantineSourceBucketNames/);
    assert.throws(() => new MemberAccountAccess("c2", { ...base, responders: ["malware-quarantine"], quarantineSourceBucketNames: ["uploads"] }), /quarantineBucketName/);
    assert.throws(() => new MemberAccountAccess("c4", { ...base, responders: ["guardduty-responder"], guardDutyActions: ["notify", "isolate"] }), /guardDutyActions naming what its routes do here/);
    assert.throws(() => new MemberAccountAccess("c5", { ...base, responders: ["guardduty-responder"], guardDutyActions: ["scan"] }), /guardDutyScanDocumentName/);
    assert.throws(() => new MemberAccountAccess("c6", { ...base, responders: ["api-activity-alerts"] }), /cloudTrailBucketNames/);
    assert.throws(() => new MemberAccountAccess("c3", { ...base, responders: ["instance-isolation"], isolationInstanceProfileName: "no spaces" }), /instance profile name/);
    assert.throws(() => new MemberAccountAccess("d", { ...base, responders: ["patch-on-finding"], forwardEvents: ["everything"] }), /forwardEvents must be one of .* got "everything"/);
    assert.throws(() => new MemberAccountAccess("e", { ...base, responders: ["patch-on-finding"], roleName: "bad name!" }), /not a valid IAM role name/);
    // No instance write would be bounded: the member role needs the central scope's groups.
    assert.throws(() => new MemberAccountAccess("f", { ...base, responders: ["instance-isolation"], isolationScopeTagKey: "" }), /isolationScopeTagKey "" needs isolationScopeAutoScalingGroupNames/);
    assert.throws(() => new MemberAccountAccess("g", { ...base, responders: ["instance-isolation"], isolationScopeAutoScalingGroupNames: ["web,api"] }), /isolationScopeAutoScalingGroupNames: "web,api" is not an Auto Scaling group name/);
    assert.throws(() => new MemberAccountAccess("h", { ...base, responders: ["patch-on-finding"], patchScopeAutoScalingGroups: ["web,api"] }), /patchScopeAutoScalingGroups: "web,api"/);
  });
});

describe("CentralEventBusAccess", () => {
  beforeEach(() => useOfflineMocks());

  it("lets exactly the enrolled accounts, or the organization, put events on the central bus", async () => {
    new CentralEventBusAccess("central", { memberAccountIds: ["222222222222", "111111111111"], organizationId: "o-abc123" });
    await settle();
    const [policy] = resourcesOfType("aws:cloudwatch/eventBusPolicy:EventBusPolicy");
    const doc = JSON.parse(policy.inputs.policy);
    assert.deepEqual(doc.Statement[0].Principal.AWS, ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"]);
    assert.equal(doc.Statement[0].Resource, `arn:aws:events:us-east-1:${ACCOUNT_ID}:event-bus/default`);
    // The one statement with an open principal is bounded by the organization.
    assert.equal(doc.Statement[1].Condition.StringEquals["aws:PrincipalOrgID"], "o-abc123");
    assert.throws(() => new CentralEventBusAccess("x", {}), /memberAccountIds or organizationId/);
    assert.throws(() => new CentralEventBusAccess("y", { memberAccountIds: ["12"] }), /12-digit/);
  });
});

describe("MemberAccountAccess list arguments given as one output (the central stack's outputs through a stack reference)", () => {
  const KEY = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555`;
  const TRAIL_KEY = `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/66666666-7777-8888-9999-000000000000`;
  const base = {
    centralAccountId: CENTRAL,
    externalId: "kamae-ext-7f3a",
    responders: ["malware-quarantine", "guardduty-responder", "api-activity-alerts"] as MemberAccountAccessArgs["responders"],
    quarantineBucketName: "central-quarantine",
    guardDutyActions: ["restrictCredentials" as const],
    cloudTrailBucketNames: { org: "org-trail-logs" },
  };
  const built = (args: Partial<MemberAccountAccessArgs>) => builtResources(() => new MemberAccountAccess("member", { ...base, ...args }));
  const statement = (resources: Awaited<ReturnType<typeof built>>, policy: string, sid: string) =>
    parsePolicyDocument(resources.find((r) => r.name === policy)!.inputs.policy).Statement.find((s) => s.Sid === sid);

  it("quarantineSourceBucketNames, quarantineSourceKeyArns, guardDutyProtectedPrincipals, cloudTrailKmsKeyArns: the same role policies and resources as the plain lists", async () => {
    const lists = { quarantineSourceBucketNames: ["uploads-a", "uploads-b"], quarantineSourceKeyArns: [KEY], guardDutyProtectedPrincipals: ["breakglass"], cloudTrailKmsKeyArns: [TRAIL_KEY] };
    const plain = await built(lists);
    assert.deepEqual(statement(plain, "member-malware-quarantine", "ListSourceVersions")!.Resource, ["arn:aws:s3:::uploads-a", "arn:aws:s3:::uploads-b"]);
    assert.deepEqual(statement(plain, "member-malware-quarantine", "DecryptSourceObjects")!.Resource, [KEY]);
    assert.deepEqual(statement(plain, "member-api-activity-alerts", "DecryptTrailFiles")!.Resource, [TRAIL_KEY]);
    assert.ok(statement(plain, "member-guardduty-responder", "NeverChangeProtectedPrincipals")!.Resource.includes(`arn:aws:iam::${ACCOUNT_ID}:role/breakglass`));
    const outputs = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, pulumi.output(v)]));
    assert.deepEqual(await built(outputs), plain);
  });

  it("key lists that turn out empty build what empty plain lists build: no decrypt statement, no Resource: []", async () => {
    const plain = await built({ quarantineSourceBucketNames: ["uploads-a"], quarantineSourceKeyArns: [], guardDutyProtectedPrincipals: [], cloudTrailKmsKeyArns: [] });
    assert.equal(statement(plain, "member-malware-quarantine", "DecryptSourceObjects"), undefined);
    assert.equal(statement(plain, "member-api-activity-alerts", "DecryptTrailFiles"), undefined);
    const empty = pulumi.output([] as string[]);
    assert.deepEqual(await built({ quarantineSourceBucketNames: ["uploads-a"], quarantineSourceKeyArns: empty, guardDutyProtectedPrincipals: empty, cloudTrailKmsKeyArns: empty }), plain);
  });

  it("a bad bucket, key or protected principal, or no source bucket, known only at deploy, fails the deployment with construction's message", async () => {
    await useOfflineMocks();
    const plainArgs: Array<Partial<MemberAccountAccessArgs>> = [
      { quarantineSourceBucketNames: ["uploads-a", "Uploads_B"] },
      { quarantineSourceBucketNames: [] },
      { quarantineSourceBucketNames: ["uploads-a"], quarantineSourceKeyArns: ["alias/uploads"] },
      { quarantineSourceBucketNames: ["uploads-a"], cloudTrailKmsKeyArns: ["alias/trail"] },
      { quarantineSourceBucketNames: ["uploads-a"], guardDutyProtectedPrincipals: ["breakglass", "*"] },
    ];
    const expected = plainArgs.map((args, i) => constructionRefusal(() => new MemberAccountAccess(`p${i}`, { ...base, ...args })));
    const shapes = [/quarantineSourceBucketNames: "Uploads_B" is not an S3 bucket name/, /malware-quarantine needs quarantineSourceBucketNames/, /KMS key ARNs: "alias\/uploads"/, /KMS key ARNs: "alias\/trail"/, /guardDutyProtectedPrincipals: "\*" would protect every principal/];
    expected.forEach((message, i) => assert.match(message, shapes[i]));
    const errors = await deploymentErrors(() => {
      plainArgs.forEach((args, i) => new MemberAccountAccess(`o${i}`, { ...base, ...Object.fromEntries(Object.entries(args).map(([k, v]) => [k, pulumi.output(v)])) }));
    });
    assert.deepEqual(errors.sort(), [...expected].sort());
  });
});
