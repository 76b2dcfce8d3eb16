// DynamoDB developer guide, "DynamoDB Streams and AWS Lambda triggers": a table with a NEW_IMAGE stream, a function
// with the managed stream-reading policy, and the event source mapping with a failure destination.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const table = new aws.dynamodb.Table("orders", {
  attributes: [{ name: "orderId", type: "S" }],
  hashKey: "orderId",
  billingMode: "PAY_PER_REQUEST",
  streamEnabled: true,
  streamViewType: "NEW_IMAGE",
});

const role = new aws.iam.Role("orders-stream-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("orders-stream-read", { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole" });

const failures = new aws.sqs.Queue("orders-stream-failures", { sqsManagedSseEnabled: true, messageRetentionSeconds: 1209600 });
new aws.iam.RolePolicy("orders-stream-failures", {
  role: role.id,
  policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: failures.arn }] }),
});

const fn = new aws.lambda.Function("orders-projector", {
  runtime: "nodejs22.x",
  handler: "index.handler",
  role: role.arn,
  code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async (e) => ({ batchItemFailures: [] });") }),
});

new aws.lambda.EventSourceMapping("orders-stream", {
  eventSourceArn: table.streamArn,
  functionName: fn.arn,
  startingPosition: "LATEST",
  functionResponseTypes: ["ReportBatchItemFailures"],
  destinationConfig: { onFailure: { destinationArn: failures.arn } },
});
