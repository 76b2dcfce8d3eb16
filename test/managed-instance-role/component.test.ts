import { strict as assert } from "node:assert";
import { ManagedInstanceRole } from "../../components/managed-instance-role";
import { resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

describe("ManagedInstanceRole component (Pulumi mocks)", () => {
  beforeEach(() => useOfflineMocks());

  it("creates an EC2-trusted role with AmazonSSMManagedInstanceCore and its instance profile", async () => {
    const role = new ManagedInstanceRole("web");
    await settle();
    const [r] = resourcesOfType("aws:iam/role:Role");
    const trust = JSON.parse(r.state.assumeRolePolicy);
    assert.deepEqual(trust.Statement.map((s: any) => [s.Principal.Service, s.Action]), [["ec2.amazonaws.com", "sts:AssumeRole"]]);
    assert.deepEqual(resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.policyArn), ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]);
    assert.equal(resourcesOfType("aws:iam/rolePolicy:RolePolicy").length, 0, "no inline permissions");
    const [profile] = resourcesOfType("aws:iam/instanceProfile:InstanceProfile");
    assert.equal(profile.inputs.role, r.state.name);
    assert.equal(await valueOf(role.instanceProfileName), profile.state.name);
    assert.match(await valueOf(role.roleArn), /^arn:aws:iam::123456789012:role\//);
  });

  it("adds the CloudWatch agent policy, further policies and a permissions boundary when asked", async () => {
    new ManagedInstanceRole("web", {
      cloudWatchAgent: true,
      permissionsBoundaryArn: "arn:aws:iam::123456789012:policy/boundary",
      additionalPolicyArns: { "app-read": "arn:aws:iam::123456789012:policy/app-read" },
      path: "/kamae/",
    });
    await settle();
    assert.deepEqual(
      resourcesOfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.policyArn).sort(),
      ["arn:aws:iam::123456789012:policy/app-read", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"],
    );
    const [r] = resourcesOfType("aws:iam/role:Role");
    assert.equal(r.inputs.permissionsBoundary, "arn:aws:iam::123456789012:policy/boundary");
    assert.equal(r.inputs.path, "/kamae/");
  });

  it("refuses a malformed path or policy ARN", () => {
    assert.throws(() => new ManagedInstanceRole("bad", { path: "kamae" }), /path/);
    assert.throws(() => new ManagedInstanceRole("bad", { additionalPolicyArns: { "app-read": "AdministratorAccess" } }), /managed policy ARN/);
  });
});
