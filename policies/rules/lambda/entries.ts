// Catalog entries of the lambda rules added for FSBP coverage (policies/catalog.ts includes them).
import type { CatalogEntry } from "../../catalog";

/**
 * Every runtime identifier Lambda has had (Lambda Developer Guide, "Lambda runtimes": supported and deprecated). The
 * Config rule takes the runtimes allowed, the policy the ones deprecated: the allowed are these less the deprecated.
 * A test keeps it a superset of the provider's `lambda.Runtime`.
 */
export const LAMBDA_RUNTIMES: readonly string[] = [
  "nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x",
  "python2.7", "python3.6", "python3.7", "python3.8", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14",
  "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3", "ruby3.4",
  "java8", "java8.al2", "java11", "java17", "java21", "java25",
  "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7", "dotnet8", "dotnet10",
  "go1.x", "provided", "provided.al2", "provided.al2023",
];

export const entries: readonly CatalogEntry[] = [
  {
    id: "lambda-function-settings-check",
    awsConfigIdentifier: "LAMBDA_FUNCTION_SETTINGS_CHECK",
    fsbp: ["Lambda.2"],
    severity: "medium",
    enforcement: "advisory",
    description: "Lambda functions use a runtime AWS still supports (and, when config gives them, the expected timeout and memory size).",
    remediation: "Move `runtime` to a supported version (nodejs22.x, python3.13, java21, …).",
    resourceTypes: ["aws:lambda/function:Function"],
    preview: "resource",
    parameters: {
      deprecatedRuntimes: { type: "array", items: { type: "string" }, default: ["nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x", "python2.7", "python3.6", "python3.7", "python3.8", "python3.9", "ruby2.5", "ruby2.7", "ruby3.2", "java8", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7", "go1.x", "provided"], description: "Runtimes past their deprecation date." },
      timeout: { type: "integer", minimum: 1, maximum: 900, description: "The timeout in seconds every function must have (unset: not judged). The AWS Config rule is deployed only when both timeout and memorySize are given." },
      memorySize: { type: "integer", minimum: 128, maximum: 10240, description: "The memory size in MB every function must have (unset: not judged). The AWS Config rule is deployed only when both timeout and memorySize are given." },
    },
    // AWS Config Developer Guide, "lambda-function-settings-check": `runtime` (CSV of the runtimes allowed) is required;
    // `timeout` and `memorySize` are optional but default to 3 and 128, which the rule then requires of every function.
    // No value passes every function, so the rule is deployed only when the policy judges the same values (both given).
    awsConfigParameters: (p): Record<string, string> | null =>
      p.timeout === undefined || p.memorySize === undefined ? null : { runtime: LAMBDA_RUNTIMES.filter((r) => !p.deprecatedRuntimes.includes(r)).join(","), timeout: String(p.timeout), memorySize: String(p.memorySize) },
    awsConfigRequiredParameters: ["runtime", "timeout", "memorySize"],
  },
  {
    id: "lambda-inside-vpc",
    awsConfigIdentifier: "LAMBDA_INSIDE_VPC",
    fsbp: ["Lambda.3"],
    severity: "low",
    enforcement: "advisory",
    description: "Lambda functions run in a VPC.",
    remediation: "Set `vpcConfig: { subnetIds, securityGroupIds }`.",
    resourceTypes: ["aws:lambda/function:Function"],
    preview: "resource",
  },
];
