import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// Every Lambda function declared after this call gets the vendor's runtime protection layer and its settings; the
// policy pack (lambda-functions-have-application-protection) reports any function that still lacks it.
const config = new pulumi.Config();
kamae.applicationProtection({
  layerArn: config.get("layerArn") ?? "arn:aws:lambda:us-east-1:800880067056:layer:CloudOne-ApplicationSecurity-nodejs20_x:3",
  environment: {
    AWS_LAMBDA_EXEC_WRAPPER: "/opt/trend_app_protect",
    TREND_AP_KEY: config.get("apKey") ?? "set-apKey",
    TREND_AP_SECRET: config.getSecret("apSecret") ?? pulumi.secret("set-apSecret-with-pulumi-config-set---secret"),
  },
});

// An application function: its own role, and its logs in a KMS-encrypted group with retention.
const caller = aws.getCallerIdentityOutput();
const region = aws.getRegionOutput();
const key = new aws.kms.Key("app-logs", {
  description: "Encrypts the application function's logs",
  enableKeyRotation: true,
  policy: pulumi.all([caller.accountId, region.region]).apply(([account, name]) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
        {
          Sid: "CloudWatchLogsEncrypts",
          Effect: "Allow",
          Principal: { Service: `logs.${name}.amazonaws.com` },
          Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
          Resource: "*",
          Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${name}:${account}:log-group:*` } },
        },
      ],
    }),
  ),
});
const logGroup = new aws.cloudwatch.LogGroup("app", { retentionInDays: 365, kmsKeyId: key.arn });
const role = new aws.iam.Role("app", {
  assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
});
new aws.iam.RolePolicy("app-logs", {
  role: role.id,
  policy: logGroup.arn.apply((arn) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn}:*` }] })),
});
const fn = new aws.lambda.Function("app", {
  runtime: "nodejs20.x",
  handler: "index.handler",
  role: role.arn,
  code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 200, body: 'ok' });\n") }),
  loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
  // The example function reaches no private resource; put yours in a VPC when it does.
  tags: { "kamae:suppress": "lambda-inside-vpc=the example calls nothing inside a VPC (add vpcConfig when yours does)" },
});

export const functionName = fn.name;
