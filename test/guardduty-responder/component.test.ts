import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { GuardDutyResponder, type GuardDutyResponderArgs, RECOMMENDED_ROUTES } from "../../components/guardduty-responder";
import { settingsFromEnv, stepSettingsFromEnv } from "../../components/guardduty-responder/lambda/settings";
import { validateStateMachine } from "../../components/guardduty-responder/workflow-validator";
import { grantsWildcardAction, parsePolicyDocument } from "../../components/shared/iam/policy";
import { evaluate } from "../harness/iam-evaluator";
import { ACCOUNT_ID, builtResources, constructionRefusal, deploymentErrors, iamDocuments, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const ISOLATION = `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:isolation`;
const QUEUE_ARN = `arn:aws:sqs:us-east-1:${ACCOUNT_ID}:waf-block`;
const QUEUE_URL = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT_ID}/waf-block`;
const FULL = {
  routes: [...RECOMMENDED_ROUTES],
  modes: { isolate: "enforce", block: "enforce" } as const,
  isolationFunctionArn: ISOLATION,
  wafBlockQueueArn: QUEUE_ARN,
  wafBlockQueueUrl: QUEUE_URL,
  scanDocumentName: "Kamae-AntiMalwareScan",
  scanDocumentParameters: { scanType: ["full"] },
};

describe("GuardDutyResponder component", () => {
  beforeEach(() => useOfflineMocks());

  it("by default only notifies: one rule per source, no workflow, no acting permissions", async () => {
    const r = new GuardDutyResponder("gd", {});
    await settle();
    assert.equal(resourcesOfType("aws:sfn/stateMachine:StateMachine").length, 0);
    const rules = resourcesOfType("aws:cloudwatch/eventRule:EventRule").map((x) => JSON.parse(x.inputs.eventPattern));
    assert.deepEqual(rules.map((p) => p.source), [["aws.guardduty"], ["aws.macie"]]);
    const doc = iamDocuments().find((d) => d.resource === "gd-responder-permissions")!.document;
    assert.deepEqual(doc.Statement.map((s: any) => s.Sid).sort(), ["AnsweredFindings", "Report", "ReportFailures", "UseOwnKey", "WriteOwnLogs"]);
    assert.equal(await valueOf(r.stateMachineArn), "");
    // The record of answered findings (replays stay quiet): encrypted with the component's key, PITR, expiring items.
    const [table] = resourcesOfType("aws:dynamodb/table:Table");
    assert.deepEqual([table.inputs.serverSideEncryption.enabled, table.inputs.pointInTimeRecovery.enabled, table.inputs.ttl], [true, true, { attributeName: "expiresAt", enabled: true }]);
    assert.equal(table.inputs.serverSideEncryption.kmsKeyArn, await valueOf(r.kmsKeyArn));
  });

  it("builds the credential workflow: valid definition, encrypted logging, KMS, a report bucket that passes the pack", async () => {
    new GuardDutyResponder("gd", FULL);
    await settle();
    const [machine] = resourcesOfType("aws:sfn/stateMachine:StateMachine");
    assert.deepEqual(validateStateMachine(JSON.parse(machine.inputs.definition)), []);
    assert.equal(machine.inputs.loggingConfiguration.level, "ALL");
    assert.match(machine.inputs.loggingConfiguration.logDestination, /:log-group:.*:\*$/);
    assert.equal(machine.inputs.encryptionConfiguration.type, "CUSTOMER_MANAGED_KMS_KEY");
    const logs = resourcesOfType("aws:cloudwatch/logGroup:LogGroup");
    assert.ok(logs.length >= 3 && logs.every((l) => l.inputs.kmsKeyId && l.inputs.retentionInDays > 0));
    const reports = resourcesOfType("aws:s3/bucket:Bucket").find((b) => b.name === "gd-reports")!;
    const of = (type: string) => resourcesOfType(type).find((x) => x.inputs.bucket === reports.id)!;
    assert.equal(of("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
    assert.equal(of("aws:s3/bucketVersioning:BucketVersioning").inputs.versioningConfiguration.status, "Enabled");
    assert.ok(of("aws:s3/bucketLogging:BucketLogging"));
    assert.ok(JSON.parse(of("aws:s3/bucketPolicy:BucketPolicy").inputs.policy).Statement.some((s: any) => s.Condition?.Bool?.["aws:SecureTransport"] === "false"));
  });

  it("sets each function's environment so that its cold-start validation passes", async () => {
    new GuardDutyResponder("gd", FULL);
    await settle();
    const fns = Object.fromEntries(resourcesOfType("aws:lambda/function:Function").map((f) => [f.name, f.inputs.environment.variables]));
    const settings = settingsFromEnv(fns["gd-responder-function"]);
    assert.deepEqual(settings.modes, { block: "enforce", blockPublicAccess: "detect", isolate: "enforce", protectBucket: "detect", restrictCredentials: "detect", scan: "detect" });
    assert.equal(settings.isolationFunctionArn, ISOLATION);
    assert.equal(settings.wafBlockQueueUrl, QUEUE_URL);
    assert.match(settings.credentialWorkflowArn!, /:stateMachine:/);
    assert.deepEqual(settings.scanDocumentParameters, { scanType: ["full"] });
    assert.equal(stepSettingsFromEnv(fns["gd-credential-steps-function"]).lookbackHours, 24);
  });

  it("routes every source with one rule ($or of the routes), so a finding invokes the responder once", async () => {
    new GuardDutyResponder("gd", FULL);
    await settle();
    const patterns = resourcesOfType("aws:cloudwatch/eventRule:EventRule").map((x) => JSON.parse(x.inputs.eventPattern));
    // The recommended routes notify every finding, so each source's rule takes all its findings.
    assert.deepEqual(patterns, [
      { source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] },
      { source: ["aws.macie"], "detail-type": ["Macie Finding"] },
    ]);
    new GuardDutyResponder("narrow", { routes: [{ name: "cc", typePrefixes: ["Backdoor:EC2/"], minSeverity: 7, actions: ["notify"] }, { name: "crypto", typePrefixes: ["CryptoCurrency:EC2/"], actions: ["notify"] }] });
    await settle();
    const narrow = resourcesOfType("aws:cloudwatch/eventRule:EventRule").filter((x) => x.name.startsWith("narrow-")).map((x) => JSON.parse(x.inputs.eventPattern));
    assert.deepEqual(narrow, [
      {
        source: ["aws.guardduty"],
        "detail-type": ["GuardDuty Finding"],
        $or: [{ detail: { type: [{ prefix: "Backdoor:EC2/" }], severity: [{ numeric: [">=", 7] }] } }, { detail: { type: [{ prefix: "CryptoCurrency:EC2/" }] } }],
      },
    ]);
  });

  it("grants each action only what it needs, scoped to the given ARNs, no wildcard actions", async () => {
    new GuardDutyResponder("gd", FULL);
    await settle();
    for (const { document } of iamDocuments().filter((d) => d.resource.endsWith("permissions"))) assert.equal(grantsWildcardAction(parsePolicyDocument(JSON.stringify(document))), false);
    const responder = iamDocuments().find((d) => d.resource === "gd-responder-permissions")!.document;
    const bySid = Object.fromEntries(responder.Statement.map((s: any) => [s.Sid, s]));
    assert.deepEqual(bySid.AskInstanceIsolation.Resource, [ISOLATION]);
    assert.deepEqual(bySid.AskWafAutoBlock.Resource, [QUEUE_ARN]);
    assert.match(bySid.StartCredentialWorkflow.Resource[0], /:stateMachine:/);
    assert.ok(bySid.SendScan.Resource.some((r: string) => r.endsWith(":document/Kamae-AntiMalwareScan")));
    const workflow = iamDocuments().find((d) => d.resource === "gd-workflow-permissions")!.document;
    assert.deepEqual(workflow.Statement.find((s: any) => s.Sid === "RunSteps").Action, ["lambda:InvokeFunction"]);
  });

  it("the steps may deactivate a user's key and write policies on principals, never on protected ones (evaluated)", async () => {
    new GuardDutyResponder("gd", { ...FULL, protectedPrincipals: ["breakglass", `arn:aws:iam::*:role/admins/*`], memberAccounts: { accountIds: ["444455556666"], roleName: "kamae-member", externalId: "x".repeat(32) } });
    await settle();
    const identity = [iamDocuments().find((d) => d.resource === "gd-credential-steps-permissions")!.document];
    const can = (action: string, resource: string) => evaluate({ identity }, { action, resource }).decision;
    const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT_ID}:${kind}/${name}`;
    assert.equal(can("iam:UpdateAccessKey", arn("user", "alice")), "allowed");
    assert.equal(can("iam:PutRolePolicy", arn("role", "web-role")), "allowed");
    assert.equal(can("iam:PutRolePolicy", arn("role", "breakglass")), "explicitDeny");
    assert.equal(can("iam:UpdateAccessKey", arn("user", "ops/breakglass")), "explicitDeny");
    assert.equal(can("iam:PutRolePolicy", arn("role", "admins/alice")), "explicitDeny");
    assert.equal(can("iam:PutRolePolicy", arn("role", "kamae-member")), "explicitDeny");
    // Every responder's role, this component's and the others', lives under the /kamae/ path.
    assert.equal(can("iam:PutRolePolicy", arn("role", "kamae/gd-responder-role-1a2b3c4")), "explicitDeny");
    assert.equal(can("iam:PutRolePolicy", arn("role", "kamae/isolation-role-1a2b3c4")), "explicitDeny");
    for (const role of resourcesOfType("aws:iam/role:Role")) assert.equal(role.inputs.path, "/kamae/", role.name);
    const fns = Object.fromEntries(resourcesOfType("aws:lambda/function:Function").map((f) => [f.name, f.inputs.environment.variables]));
    const protectedPrincipals = stepSettingsFromEnv(fns["gd-credential-steps-function"]).protectedPrincipals;
    for (const entry of ["breakglass", "arn:*:iam::*:role/kamae/*", "kamae-member"]) assert.ok(protectedPrincipals.includes(entry), entry);
    assert.throws(() => new GuardDutyResponder("p", { protectedPrincipals: ["*"] }), /every principal/);
  });

  it("the steps' role is bounded by its own policy: a policy attached later widens nothing nor lifts a deny (evaluated)", async () => {
    new GuardDutyResponder("gd", { ...FULL, protectedPrincipals: ["breakglass"] });
    await settle();
    const own = iamDocuments().find((d) => d.resource === "gd-credential-steps-permissions")!.document;
    const boundary = iamDocuments().find((d) => d.resource === "gd-credential-steps-boundary")!.document;
    assert.deepEqual(boundary, own);
    const role = resourcesOfType("aws:iam/role:Role").find((r) => r.name === "gd-credential-steps-role")!;
    assert.equal(role.inputs.permissionsBoundary, resourcesOfType("aws:iam/policy:Policy").find((p) => p.name === "gd-credential-steps-boundary")!.state.arn);
    // AWS's managed policies hold at most 6,144 characters (whitespace not counted).
    assert.ok(JSON.stringify(boundary).length <= 6144);
    // Someone attaches an administrator policy to the role later.
    const admin = { Statement: [{ Effect: "Allow" as const, Action: "*", Resource: "*" }] };
    const can = (action: string, resource: string) => evaluate({ identity: [own, admin], boundary }, { action, resource }).decision;
    const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT_ID}:${kind}/${name}`;
    assert.equal(can("iam:PutRolePolicy", arn("role", "web-role")), "allowed");
    assert.equal(can("iam:AttachRolePolicy", arn("role", "web-role")), "implicitDeny");
    assert.equal(can("iam:CreateAccessKey", arn("user", "alice")), "implicitDeny");
    assert.equal(can("iam:DeleteRolePermissionsBoundary", arn("role", "kamae/gd-credential-steps-role-1a2b3c4")), "implicitDeny");
    assert.equal(can("s3:PutBucketPolicy", "arn:aws:s3:::any-bucket"), "implicitDeny");
    assert.equal(can("iam:PutRolePolicy", arn("role", "breakglass")), "explicitDeny");
    // Only the role that writes IAM carries the boundary.
    assert.deepEqual(resourcesOfType("aws:iam/role:Role").filter((r) => r.inputs.permissionsBoundary !== undefined).map((r) => r.name), ["gd-credential-steps-role"]);
  });

  it("fails at construction when a routed action lacks what it needs, or routes are malformed", () => {
    assert.throws(() => new GuardDutyResponder("a", { routes: [{ name: "x", actions: ["isolate"] }] }), /set isolationFunctionArn/);
    assert.throws(() => new GuardDutyResponder("b", { routes: [{ name: "x", actions: ["block"] }], wafBlockQueueArn: QUEUE_ARN }), /wafBlockQueueUrl/);
    assert.throws(() => new GuardDutyResponder("c", { routes: [{ name: "x", actions: ["scan"] }] }), /scanDocumentName/);
    assert.throws(() => new GuardDutyResponder("d", { routes: [{ name: "x", actions: ["protectBucket"] }] }), /does not apply to guardduty/);
    assert.throws(() => new GuardDutyResponder("e", { modes: { isolate: "yes" as never } }), /must be "enforce" or "detect"/);
    assert.throws(() => new GuardDutyResponder("f", { activityLookbackHours: 5000 }), /activityLookbackHours/);
  });
});

describe("GuardDutyResponder list arguments given as one output (a stack reference, config.requireObject)", () => {
  const members = { accountIds: ["444455556666"], roleName: "kamae-member", externalId: "x".repeat(32) };
  const built = (args: GuardDutyResponderArgs) => builtResources(() => new GuardDutyResponder("gd", args));
  const document = (resources: Awaited<ReturnType<typeof built>>, name: string) => parsePolicyDocument(resources.find((r) => r.name === name)!.inputs.policy);

  it("protectedPrincipals and publicBuckets: the same settings, Deny and resources as the plain lists", async () => {
    const plain = await built({ ...FULL, memberAccounts: members, protectedPrincipals: ["breakglass", "arn:aws:iam::*:role/admins/*"], publicBuckets: ["www-site", "public-data-*"] });
    const deny = document(plain, "gd-credential-steps-permissions").Statement.find((s) => s.Sid === "NeverChangeProtectedPrincipals")!;
    assert.ok(deny.Resource.includes(`arn:aws:iam::${ACCOUNT_ID}:user/*/breakglass`) && deny.Resource.includes("arn:aws:iam::*:role/admins/*"), deny.Resource.join());
    const responder = plain.find((r) => r.name === "gd-responder-function")!.inputs.environment.variables;
    assert.deepEqual(settingsFromEnv(responder).publicBuckets, ["www-site", "public-data-*"]);
    const asOutputs = await built({
      ...FULL,
      memberAccounts: members,
      protectedPrincipals: pulumi.output(["breakglass", pulumi.output("arn:aws:iam::*:role/admins/*")]),
      publicBuckets: pulumi.output(["www-site", "public-data-*"]),
    });
    assert.deepEqual(asOutputs, plain);
  });

  it("an output list that turns out empty builds what the empty plain list builds (the own roles stay protected)", async () => {
    const plain = await built({ ...FULL, protectedPrincipals: [], publicBuckets: [] });
    assert.deepEqual(document(plain, "gd-credential-steps-permissions").Statement.find((s) => s.Sid === "NeverChangeProtectedPrincipals")!.Resource, ["arn:*:iam::*:role/kamae/*"]);
    assert.deepEqual(await built({ ...FULL, protectedPrincipals: pulumi.output([]), publicBuckets: pulumi.output([]) }), plain);
  });

  it("a bad entry known only at deploy fails the deployment with construction's message, and the function is not deployed", async () => {
    await useOfflineMocks();
    const expected = [
      constructionRefusal(() => new GuardDutyResponder("p1", { ...FULL, publicBuckets: ["www-site", "Site_Bucket"] })),
      constructionRefusal(() => new GuardDutyResponder("p2", { ...FULL, protectedPrincipals: ["breakglass", "*"] })),
    ];
    assert.match(expected[0], /^kamae:GuardDutyResponder: publicBuckets: "Site_Bucket" is not a bucket name/);
    assert.match(expected[1], /^kamae:GuardDutyResponder: protectedPrincipals: "\*" would protect every principal/);
    const errors = await deploymentErrors(() => {
      new GuardDutyResponder("public", { ...FULL, publicBuckets: pulumi.output(["www-site", "Site_Bucket"]) });
      new GuardDutyResponder("principals", { ...FULL, protectedPrincipals: pulumi.output(["breakglass", "*"]) });
    });
    assert.deepEqual(errors.sort(), expected.sort());
    const functions = resourcesOfType("aws:lambda/function:Function").map((f) => f.name);
    assert.ok(!functions.includes("public-responder-function") && !functions.includes("principals-credential-steps-function"), functions.join());
  });
});
