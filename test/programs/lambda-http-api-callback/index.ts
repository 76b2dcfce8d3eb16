// Pulumi's "Serverless functions" docs: a Lambda written inline as a callback (closure serialization), served by an
// HTTP API with a default stage, and a DynamoDB table it reads.
import * as aws from "@pulumi/aws";

const table = new aws.dynamodb.Table("visits", {
  attributes: [{ name: "path", type: "S" }],
  hashKey: "path",
  billingMode: "PAY_PER_REQUEST",
  pointInTimeRecovery: { enabled: true },
  serverSideEncryption: { enabled: true },
});

const greeting = "Hello from Pulumi";

const handler = new aws.lambda.CallbackFunction("visit-counter", {
  runtime: aws.lambda.Runtime.NodeJS22dX,
  callback: async (event: { rawPath?: string }) => {
    const path = event.rawPath ?? "/";
    return { statusCode: 200, body: JSON.stringify({ greeting, path, table: table.name.get() }) };
  },
});

const api = new aws.apigatewayv2.Api("visits-api", { protocolType: "HTTP" });
const integration = new aws.apigatewayv2.Integration("visits-lambda", {
  apiId: api.id,
  integrationType: "AWS_PROXY",
  integrationUri: handler.arn,
  payloadFormatVersion: "2.0",
});
new aws.apigatewayv2.Route("visits-route", { apiId: api.id, routeKey: "GET /{proxy+}", target: integration.id.apply((id) => `integrations/${id}`) });
new aws.apigatewayv2.Stage("visits-default", { apiId: api.id, name: "$default", autoDeploy: true });
new aws.lambda.Permission("visits-invoke", {
  action: "lambda:InvokeFunction",
  function: handler.name,
  principal: "apigateway.amazonaws.com",
  sourceArn: api.executionArn.apply((arn) => `${arn}/*/*`),
});

export const endpoint = api.apiEndpoint;
