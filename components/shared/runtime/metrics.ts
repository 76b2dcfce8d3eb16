import { Metrics } from "@aws-lambda-powertools/metrics";

/**
 * The one CloudWatch metrics buffer of a function (embedded metric format in its log), created once per execution
 * environment like the logger; `lambdaHandler` flushes it after each event.
 */
export const metrics = new Metrics({ namespace: "Kamae", serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "kamae" });
