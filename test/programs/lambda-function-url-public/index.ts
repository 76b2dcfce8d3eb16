// AWS Lambda developer guide, "Lambda function URLs": a public webhook endpoint. With auth type NONE Lambda adds a
// resource-based statement allowing lambda:InvokeFunctionUrl to principal "*"; here it is written explicitly.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const role = new aws.iam.Role("webhook-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("webhook-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
const fn = new aws.lambda.Function("webhook", {
  runtime: "nodejs22.x",
  handler: "index.handler",
  role: role.arn,
  code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 204 });") }),
});
const url = new aws.lambda.FunctionUrl("webhook-url", { functionName: fn.name, authorizationType: "NONE" });
new aws.lambda.Permission("webhook-public", { action: "lambda:InvokeFunctionUrl", function: fn.name, principal: "*", functionUrlAuthType: "NONE" });

export const endpoint = url.functionUrl;
