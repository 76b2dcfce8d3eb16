import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { grantsWildcardAction, parsePolicyDocument } from "../../components/shared/iam/policy";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { InstanceIsolation, type InstanceIsolationArgs } from "../../components/instance-isolation";
import { isolationSettingsFromEnv } from "../../components/instance-isolation/lambda/settings";
import { evaluate } from "../harness/iam-evaluator";
import { ACCOUNT_ID, builtResources, constructionRefusal, deploymentErrors, iamDocuments, resourceNamed, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const VPCS = { main: "vpc-0a1b2c3d4e5f60718", shared: "vpc-0f0e0d0c0b0a09080" };

async function environmentOf(): Promise<Record<string, string>> {
  const fn = resourcesOfType("aws:lambda/function:Function").find((f) => f.name.includes("responder"))!;
  return fn.state.environment.variables;
}

const DS_MANAGER = `arn:aws:iam::${ACCOUNT_ID}:user/deep-security-manager`;

describe("InstanceIsolation component (Pulumi mocks)", () => {
  beforeEach(() => useOfflineMocks());

  it("creates the isolation groups with no ingress and no egress rules, tagged for the function to find", async () => {
    new InstanceIsolation("iso", { isolationVpcIds: VPCS });
    await settle();
    const groups = resourcesOfType("aws:ec2/securityGroup:SecurityGroup");
    assert.equal(groups.length, 2);
    for (const g of groups) {
      assert.deepEqual(g.inputs.ingress, []);
      assert.deepEqual(g.inputs.egress, [], "an explicit empty egress removes AWS's default allow-all egress");
      assert.equal(g.inputs.tags["kamae:isolation-group"], "empty");
      assert.ok(Object.values(VPCS).includes(g.inputs.vpcId));
    }
    assert.deepEqual(groups.map((g) => g.name).sort(), ["iso-isolation-main", "iso-isolation-shared"], "named from the labels");
    assert.equal(resourcesOfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").length + resourcesOfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").length + resourcesOfType("aws:ec2/securityGroupRule:SecurityGroupRule").length, 0);
  });

  it("grants no IAM statement with `*` actions, and scopes writes to ARNs", async () => {
    new InstanceIsolation("iso", { revokeRoleSessions: true, memberAccounts: { accountIds: ["222222222222"], roleName: "kamae-member", externalId: "ext" } });
    await settle();
    const policies = [...resourcesOfType("aws:iam/rolePolicy:RolePolicy"), ...resourcesOfType("aws:iam/role:Role")];
    assert.ok(policies.length >= 3);
    for (const p of policies) {
      const doc = parsePolicyDocument(p.state.policy ?? p.state.assumeRolePolicy);
      assert.equal(grantsWildcardAction(doc), false, `${p.name} grants a wildcard action`);
      for (const s of doc.Statement) {
        if (s.Effect === "Allow" && s.Resource.includes("*")) assert.match(String(s.Sid), /Describe/, `${p.name}: only describe calls on "*"`);
      }
    }
    const responder = parsePolicyDocument(resourcesOfType("aws:iam/rolePolicy:RolePolicy").find((p) => p.name.includes("responder"))!.state.policy);
    const rules = responder.Statement.find((s) => s.Sid === "OnlyIsolationGroupRules")!;
    assert.deepEqual(rules.Condition, { StringEquals: { "aws:ResourceTag/kamae:isolation-group": ["empty", "transition"] } });
    assert.deepEqual(responder.Statement.find((s) => s.Sid === "ActInMemberAccounts")!.Resource, ["arn:aws:iam::222222222222:role/kamae-member"]);
    // The isolation role has no policy at all.
    const isolationRole = resourceNamed("iso-isolation-role");
    assert.equal(resourcesOfType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.inputs.role === isolationRole.id).length, 0);
    assert.equal(resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0);
  });

  it("instance writes reach only instances in scope by their own tags (evaluated): the scope tag, or a scope group's", async () => {
    new InstanceIsolation("iso", { scope: { tagKey: "team:isolate" } });
    new InstanceIsolation("asg", { scope: { tagKey: "", autoScalingGroupNames: ["web-asg", "api-asg"] } });
    new InstanceIsolation("both", { scope: { autoScalingGroupNames: ["web-asg"] } });
    await settle();
    const policy = (name: string) => iamDocuments().find((d) => d.resource === `${name}-responder-permissions`)!.document;
    const instance = "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0";
    const act = (name: string, action: string, tags: Record<string, string>) =>
      evaluate({ identity: [policy(name)] }, { action, resource: instance, context: Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v])) }).decision;
    for (const action of ["ec2:ModifyInstanceAttribute", "ec2:ReplaceIamInstanceProfileAssociation", "ec2:CreateTags", "ec2:CreateSnapshots"]) {
      assert.equal(act("iso", action, { "team:isolate": "true" }), "allowed", action);
      assert.equal(act("iso", action, { "team:isolate": "false" }), "implicitDeny", action);
      assert.equal(act("iso", action, {}), "implicitDeny", action);
      // Scoped by Auto Scaling groups: the tag EC2 Auto Scaling puts on each instance of a group bounds the grant.
      assert.equal(act("asg", action, { "aws:autoscaling:groupName": "web-asg" }), "allowed", action);
      assert.equal(act("asg", action, { "aws:autoscaling:groupName": "api-asg" }), "allowed", action);
      assert.equal(act("asg", action, { "aws:autoscaling:groupName": "billing-asg" }), "implicitDeny", action);
      assert.equal(act("asg", action, { "aws:autoscaling:groupName": "WEB-ASG" }), "implicitDeny", action);
      assert.equal(act("asg", action, {}), "implicitDeny", action);
      assert.equal(act("asg", action, { "kamae:isolation-scope": "true" }), "implicitDeny", action);
      // Detaching removes the group's tag: an instance Kamae marked before detaching it stays reachable until released.
      assert.equal(act("asg", action, { "kamae:isolation-status": "isolated" }), "allowed", action);
      assert.equal(act("asg", action, { "kamae:isolation-status": "released" }), "implicitDeny", action);
      // The default tag and the groups: either puts an instance in scope.
      assert.equal(act("both", action, { "kamae:isolation-scope": "TRUE" }), "allowed", action);
      assert.equal(act("both", action, { "aws:autoscaling:groupName": "web-asg" }), "allowed", action);
      assert.equal(act("both", action, { "aws:autoscaling:groupName": "api-asg" }), "implicitDeny", action);
      assert.equal(act("iso", action, { "kamae:isolation-status": "isolated" }), "implicitDeny", action);
    }
  });

  it("gives the function a complete environment that its settings reader accepts", async () => {
    new InstanceIsolation("iso", {
      mode: "detect",
      scope: { autoScalingGroupNames: ["web-asg", "api-asg"] },
      circuitBreaker: { maxIsolations: 5, windowSeconds: 1800 },
      deepSecurity: { eventTypes: ["IntegrityEvent"], minimumSeverity: 2, publisherArns: [DS_MANAGER] },
      guardDuty: { findingTypePrefixes: ["Backdoor:EC2/"], minimumSeverity: 8 },
      reisolateUpdatedFindings: true,
      actOnSampleFindings: true,
    });
    await settle();
    const env = await environmentOf();
    const table = resourcesOfType("aws:dynamodb/table:Table")[0];
    const settings = isolationSettingsFromEnv({ ...env, AWS_REGION: "us-east-1" });
    assert.equal(settings.mode, "detect");
    assert.equal(settings.tableName, table.state.name);
    assert.match(settings.reportTopicArn, /^arn:aws:sns:us-east-1:123456789012:/);
    assert.equal(settings.isolationProfileName, resourcesOfType("aws:iam/instanceProfile:InstanceProfile")[0].state.name);
    assert.equal(settings.scopeTagKey, KamaeTags.isolationScope);
    assert.deepEqual(settings.scopeAutoScalingGroups, ["web-asg", "api-asg"]);
    assert.equal(settings.protectionTagKey, KamaeTags.protected);
    assert.deepEqual([settings.breakerMaxIsolations, settings.breakerWindowSeconds], [5, 1800]);
    assert.deepEqual([settings.deepSecurityEventTypes, settings.deepSecurityMinSeverity, settings.deepSecurityRegion], [["IntegrityEvent"], 2, "us-east-1"]);
    assert.deepEqual([settings.guardDutyTypePrefixes, settings.guardDutyMinSeverity], [["Backdoor:EC2/"], 8]);
    assert.deepEqual([settings.reisolateUpdatedFindings, settings.actOnSampleFindings], [true, true]);
    assert.equal(env.KAMAE_HOME_ACCOUNT_ID, ACCOUNT_ID);
    for (const [k, v] of Object.entries(env)) assert.equal(typeof v, "string", `${k} is a string`);
  });

  it("only the Deep Security manager's principal can publish agent events (evaluated): a workload role cannot forge one", async () => {
    new InstanceIsolation("iso", { deepSecurity: { publisherArns: [DS_MANAGER] } });
    await settle();
    const topic = resourcesOfType("aws:sns/topicPolicy:TopicPolicy").find((p) => p.name === "iso-deep-security-policy")!;
    const resourcePolicy = JSON.parse(topic.inputs.policy);
    // A workload role whose own policy allows sns:Publish on "*" (same account: its identity policy is enough to allow).
    const workload = { Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }] };
    const publish = (principalArn: string) =>
      evaluate({ identity: [workload, resourcePolicy] }, { action: "sns:Publish", resource: topic.inputs.arn, context: { "aws:PrincipalArn": principalArn, "aws:SecureTransport": true } }).decision;
    assert.equal(publish(DS_MANAGER), "allowed");
    assert.equal(publish(`arn:aws:iam::${ACCOUNT_ID}:role/web-app`), "explicitDeny");
  });

  it("wires the triggers: a KMS-encrypted Deep Security topic and a GuardDuty rule by type prefix and severity", async () => {
    const iso = new InstanceIsolation("iso", { deepSecurity: { publisherArns: [DS_MANAGER] } });
    await settle();
    const rule = resourcesOfType("aws:cloudwatch/eventRule:EventRule")[0];
    assert.deepEqual(JSON.parse(rule.inputs.eventPattern), {
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: {
        type: [{ prefix: "Backdoor:EC2/" }, { prefix: "Trojan:EC2/" }, { prefix: "CryptoCurrency:EC2/" }],
        severity: [{ numeric: [">=", 7] }],
        resource: { resourceType: ["Instance"] },
      },
    });
    const target = resourcesOfType("aws:cloudwatch/eventTarget:EventTarget")[0];
    assert.ok(target.inputs.deadLetterConfig.arn, "undeliverable findings are kept");
    const topics = resourcesOfType("aws:sns/topic:Topic");
    assert.equal(topics.length, 2, "reports and Deep Security");
    for (const t of topics) assert.ok(t.inputs.kmsMasterKeyId, "topics are KMS-encrypted");
    const sub = resourcesOfType("aws:sns/topicSubscription:TopicSubscription").find((s) => s.inputs.protocol === "lambda")!;
    assert.equal(sub.inputs.topic, await valueOf(iso.deepSecurityTopicArn));
    const permissions = resourcesOfType("aws:lambda/permission:Permission");
    assert.deepEqual(permissions.map((p) => p.inputs.principal).sort(), ["events.amazonaws.com", "sns.amazonaws.com"]);
    assert.ok(permissions.every((p) => p.inputs.sourceArn), "no open invoke permission");
    assert.match(await valueOf(iso.functionArn), /^arn:aws:lambda:us-east-1:123456789012:function:/);
    const table = resourcesOfType("aws:dynamodb/table:Table")[0];
    assert.equal(table.inputs.serverSideEncryption.enabled, true);
    assert.ok(table.inputs.serverSideEncryption.kmsKeyArn);
    assert.equal(table.inputs.pointInTimeRecovery.enabled, true);
  });

  it("uses an existing Deep Security topic and an existing report topic, and can drop the GuardDuty trigger", async () => {
    const dsTopic = "arn:aws:sns:us-east-1:123456789012:existing-ds";
    const reports = "arn:aws:sns:us-east-1:123456789012:soc-reports";
    const iso = new InstanceIsolation("iso", {
      deepSecurity: { existingTopicArn: dsTopic },
      guardDuty: { enabled: false },
      notifications: { existingTopicArn: reports, existingTopicKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
    });
    await settle();
    assert.equal(resourcesOfType("aws:sns/topic:Topic").length, 0);
    assert.equal(resourcesOfType("aws:cloudwatch/eventRule:EventRule").length, 0);
    assert.equal(await valueOf(iso.deepSecurityTopicArn), dsTopic);
    assert.equal((await environmentOf()).KAMAE_REPORT_TOPIC_ARN, reports);
    const responder = parsePolicyDocument(resourcesOfType("aws:iam/rolePolicy:RolePolicy").find((p) => p.name.includes("responder"))!.state.policy);
    assert.deepEqual(responder.Statement.find((s) => s.Sid === "Report")!.Resource, [reports]);
    assert.ok(responder.Statement.some((s) => s.Sid === "EncryptReports"));
  });

  it("refuses settings that would make it useless or dangerous, before anything is deployed", () => {
    const cases: Array<[object, RegExp]> = [
      [{ circuitBreaker: { maxIsolations: -1 } }, /maxIsolations/],
      [{ circuitBreaker: { windowSeconds: 5 } }, /windowSeconds/],
      [{ guardDuty: { findingTypePrefixes: [] } }, /no finding would isolate/],
      // The function's setting joins the names with commas: "web,api" would read as two groups.
      [{ scope: { autoScalingGroupNames: ["web,api"] } }, /scope.autoScalingGroupNames: "web,api" is not an Auto Scaling group name/],
      [{ guardDuty: { findingTypePrefixes: ["*"] } }, /not a finding type prefix/],
      [{ guardDuty: { minimumSeverity: 11 } }, /minimumSeverity/],
      [{ deepSecurity: { eventTypes: [], publisherArns: [DS_MANAGER] } }, /no event would isolate/],
      [{ deepSecurity: {} }, /deepSecurity.publisherArns: name the principal/],
      [{ isolationVpcIds: { vpc: "vpc-xyz" } }, /not a VPC id/],
      [{ scope: { tagKey: "" } }, /no instance could ever be isolated/],
      [{ protectionTagKey: "" }, /protectionTagKey/],
      [{ memberAccounts: { accountIds: ["123"], roleName: "r", externalId: "x" } }, /12-digit/],
      [{ mode: "yolo" }, /mode must be/],
    ];
    for (const [args, message] of cases) assert.throws(() => new InstanceIsolation("bad", args as never), message);
  });
});

describe("InstanceIsolation deepSecurity.publisherArns given as one output (a stack reference, config.requireObject)", () => {
  const DS_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/deep-security-forwarder`;
  const built = (args: InstanceIsolationArgs) => builtResources(() => new InstanceIsolation("iso", args));

  it("the created topic accepts exactly the same publishers as from the plain list", async () => {
    const plain = await built({ deepSecurity: { publisherArns: [DS_MANAGER, DS_ROLE] } });
    const statements = JSON.parse(plain.find((r) => r.name === "iso-deep-security-policy")!.inputs.policy).Statement;
    assert.deepEqual(statements.find((s: any) => s.Sid === "NamedPublishers").Principal.AWS, [DS_ROLE, DS_MANAGER].sort());
    assert.deepEqual(await built({ deepSecurity: { publisherArns: pulumi.output([DS_MANAGER, pulumi.output(DS_ROLE)]) } }), plain);
  });

  it("a publisher that is not an IAM ARN, or none, known only at deploy, fails the deployment with construction's message", async () => {
    await useOfflineMocks();
    const expected = [
      constructionRefusal(() => new InstanceIsolation("p1", { deepSecurity: { publisherArns: [DS_MANAGER, "deep-security-manager"] } })),
      constructionRefusal(() => new InstanceIsolation("p2", { deepSecurity: { publisherArns: [] } })),
    ];
    assert.match(expected[0], /^kamae:InstanceIsolation: deepSecurity.publisherArns: "deep-security-manager" is not an IAM role or user ARN/);
    assert.match(expected[1], /^kamae:InstanceIsolation: deepSecurity.publisherArns: name the principal/);
    const errors = await deploymentErrors(() => {
      new InstanceIsolation("bad", { deepSecurity: { publisherArns: pulumi.output([DS_MANAGER, "deep-security-manager"]) } });
      new InstanceIsolation("none", { deepSecurity: { publisherArns: pulumi.output([]) } });
    });
    assert.deepEqual(errors.sort(), expected.sort());
    assert.deepEqual(resourcesOfType("aws:sns/topicPolicy:TopicPolicy").filter((p) => p.name.endsWith("-deep-security-policy")), []);
  });

  it("with an existing topic the publishers are not used, as a plain list is not", async () => {
    const existing = "arn:aws:sns:us-east-1:123456789012:ds-events";
    assert.deepEqual(await built({ deepSecurity: { existingTopicArn: existing, publisherArns: pulumi.output([]) } }), await built({ deepSecurity: { existingTopicArn: existing, publisherArns: [] } }));
  });
});
