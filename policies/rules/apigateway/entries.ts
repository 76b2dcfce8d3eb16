// Catalog entries of the apigateway rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

export const entries: readonly CatalogEntry[] = [
  {
    id: "api-gw-ssl-enabled",
    awsConfigIdentifier: "API_GW_SSL_ENABLED",
    fsbp: ["APIGateway.2"],
    severity: "medium",
    enforcement: "advisory",
    description: "API Gateway REST API stages present a client certificate to their backends.",
    remediation: "Create `aws.apigateway.ClientCertificate` and set the stage's `clientCertificateId`.",
    resourceTypes: ["aws:apigateway/stage:Stage"],
    preview: "resource",
  },
  {
    id: "api-gw-xray-enabled",
    awsConfigIdentifier: "API_GW_XRAY_ENABLED",
    fsbp: ["APIGateway.3"],
    severity: "low",
    enforcement: "advisory",
    description: "API Gateway REST API stages have X-Ray tracing.",
    remediation: "Set `xrayTracingEnabled: true`.",
    resourceTypes: ["aws:apigateway/stage:Stage"],
    preview: "resource",
  },
  {
    id: "api-gwv2-authorization-type-configured",
    awsConfigIdentifier: "API_GWV2_AUTHORIZATION_TYPE_CONFIGURED",
    fsbp: ["APIGateway.8"],
    severity: "medium",
    enforcement: "advisory",
    description: "API Gateway V2 routes specify an authorization type.",
    remediation: "Set `authorizationType` (JWT, AWS_IAM or CUSTOM) and `authorizerId`.",
    resourceTypes: ["aws:apigatewayv2/route:Route"],
    preview: "resource",
  },
  {
    id: "api-gwv2-access-logs-enabled",
    awsConfigIdentifier: "API_GWV2_ACCESS_LOGS_ENABLED",
    fsbp: ["APIGateway.9"],
    severity: "medium",
    enforcement: "advisory",
    description: "API Gateway V2 stages have access logging.",
    remediation: "Set `accessLogSettings: { destinationArn, format }`.",
    resourceTypes: ["aws:apigatewayv2/stage:Stage"],
    preview: "resource",
  },
];
