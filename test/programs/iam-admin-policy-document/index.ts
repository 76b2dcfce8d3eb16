// A deployment role built the idiomatic way: the trust and permission policies come from aws.iam.getPolicyDocument.
// The permission policy grants every action on every resource (admin access), the second one Allow + NotAction.
import * as aws from "@pulumi/aws";

const assume = aws.iam.getPolicyDocument({
  statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["codebuild.amazonaws.com"] }] }],
});

const role = new aws.iam.Role("deployer", { assumeRolePolicy: assume.then((d) => d.json) });

const admin = new aws.iam.Policy("deployer-admin", {
  description: "Everything, for the deployment pipeline",
  policy: aws.iam.getPolicyDocument({ statements: [{ effect: "Allow", actions: ["*"], resources: ["*"] }] }).then((d) => d.json),
});
new aws.iam.RolePolicyAttachment("deployer-admin", { role: role.name, policyArn: admin.arn });

// "Everything but IAM" is still admin-equivalent on every other service.
const allButIam = new aws.iam.Policy("deployer-not-iam", {
  policy: aws.iam.getPolicyDocument({ statements: [{ effect: "Allow", notActions: ["iam:*"], resources: ["*"] }] }).then((d) => d.json),
});
new aws.iam.RolePolicyAttachment("deployer-not-iam", { role: role.name, policyArn: allButIam.arn });
