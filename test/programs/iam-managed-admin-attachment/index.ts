// IAM user guide, "AWS managed policies for job functions": a break-glass role for administrators and a power-user
// role for developers, both with AWS managed policies attached.
import * as aws from "@pulumi/aws";

const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }],
});

const breakGlass = new aws.iam.Role("break-glass", { assumeRolePolicy: trust, maxSessionDuration: 3600 });
new aws.iam.RolePolicyAttachment("break-glass-admin", { role: breakGlass.name, policyArn: aws.iam.ManagedPolicy.AdministratorAccess });

const developer = new aws.iam.Role("developer", { assumeRolePolicy: trust });
new aws.iam.RolePolicyAttachment("developer-power-user", { role: developer.name, policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" });
