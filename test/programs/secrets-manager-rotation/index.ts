// AWS Secrets Manager user guide, "Rotation by Lambda function": a secret encrypted with a customer managed key, a
// rotation function with permission for Secrets Manager to invoke it, rotation every 30 days.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const key = new aws.kms.Key("secrets-key", { enableKeyRotation: true, description: "application secrets" });
const secret = new aws.secretsmanager.Secret("api-credentials", { kmsKeyId: key.arn, recoveryWindowInDays: 7 });
new aws.secretsmanager.SecretVersion("api-credentials-initial", {
  secretId: secret.id,
  secretString: pulumi.secret(JSON.stringify({ username: "api", password: "initial-password-rotated-on-create" })),
});

const role = new aws.iam.Role("rotator-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("rotator-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
new aws.iam.RolePolicy("rotator-secret", {
  role: role.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"], Resource: secret.arn },
      { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key.arn },
    ],
  }),
});

const rotator = new aws.lambda.Function("rotator", {
  runtime: "nodejs22.x",
  handler: "index.handler",
  role: role.arn,
  timeout: 30,
  code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => {};") }),
});
new aws.lambda.Permission("rotator-invoke", { action: "lambda:InvokeFunction", function: rotator.name, principal: "secretsmanager.amazonaws.com", sourceAccount: "123456789012" });
new aws.secretsmanager.SecretRotation("api-credentials", { secretId: secret.id, rotationLambdaArn: rotator.arn, rotationRules: { automaticallyAfterDays: 30 } });
