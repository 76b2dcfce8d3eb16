// Step Functions developer guide, "Creating a Step Functions state machine that uses Lambda": two functions, the
// state machine's role allowed to invoke them, and execution logging to CloudWatch Logs.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const lambdaRole = new aws.iam.Role("fn-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("fn-logs", { role: lambdaRole.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });

const code = (body: string) => new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(`exports.handler = async (e) => { ${body} };`) });
const validate = new aws.lambda.Function("validate-order", { runtime: "nodejs22.x", handler: "index.handler", role: lambdaRole.arn, code: code("return { ...e, valid: true };") });
const charge = new aws.lambda.Function("charge-card", { runtime: "nodejs22.x", handler: "index.handler", role: lambdaRole.arn, code: code("return { ...e, charged: true };") });

const sfnRole = new aws.iam.Role("sfn-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "states.amazonaws.com" }) });
new aws.iam.RolePolicy("sfn-invoke", {
  role: sfnRole.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: [validate.arn, charge.arn] },
      { Effect: "Allow", Action: ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"], Resource: "*" },
    ],
  }),
});

const logGroup = new aws.cloudwatch.LogGroup("orders-sfn", { retentionInDays: 90 });

const machine = new aws.sfn.StateMachine("orders", {
  roleArn: sfnRole.arn,
  definition: pulumi.jsonStringify({
    StartAt: "Validate",
    States: {
      Validate: { Type: "Task", Resource: validate.arn, Next: "Charge" },
      Charge: { Type: "Task", Resource: charge.arn, End: true },
    },
  }),
  loggingConfiguration: { level: "ERROR", includeExecutionData: false, logDestination: pulumi.interpolate`${logGroup.arn}:*` },
});

export const stateMachineArn = machine.arn;
