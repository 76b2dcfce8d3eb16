// API Gateway developer guide, "Tutorial: Build a REST API with Lambda proxy integration": a function, its execution
// role, a REST API with a {proxy+} resource, a deployment and a stage with access logging.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const role = new aws.iam.Role("hello-role", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
new aws.iam.RolePolicyAttachment("hello-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });

const fn = new aws.lambda.Function("hello", {
  runtime: aws.lambda.Runtime.NodeJS22dX,
  handler: "index.handler",
  role: role.arn,
  code: new pulumi.asset.AssetArchive({
    "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 200, body: 'hello' });"),
  }),
});

const api = new aws.apigateway.RestApi("hello-api", { endpointConfiguration: { types: "REGIONAL" } });
const proxy = new aws.apigateway.Resource("proxy", { restApi: api.id, parentId: api.rootResourceId, pathPart: "{proxy+}" });
const method = new aws.apigateway.Method("proxy-any", { restApi: api.id, resourceId: proxy.id, httpMethod: "ANY", authorization: "NONE" });
const integration = new aws.apigateway.Integration("proxy-lambda", {
  restApi: api.id,
  resourceId: proxy.id,
  httpMethod: method.httpMethod,
  integrationHttpMethod: "POST",
  type: "AWS_PROXY",
  uri: fn.invokeArn,
});

new aws.lambda.Permission("api-invoke", {
  action: "lambda:InvokeFunction",
  function: fn.name,
  principal: "apigateway.amazonaws.com",
  sourceArn: api.executionArn.apply((arn) => `${arn}/*/*`),
});

const deployment = new aws.apigateway.Deployment("hello-deployment", { restApi: api.id }, { dependsOn: [integration] });
const accessLogs = new aws.cloudwatch.LogGroup("hello-api-access", { retentionInDays: 30 });
const stage = new aws.apigateway.Stage("prod", {
  restApi: api.id,
  deployment: deployment.id,
  stageName: "prod",
  accessLogSettings: { destinationArn: accessLogs.arn, format: "$context.requestId $context.status" },
});

export const url = stage.invokeUrl;
