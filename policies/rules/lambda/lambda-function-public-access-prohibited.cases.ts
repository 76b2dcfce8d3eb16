import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const PERMISSION = "aws:lambda/permission:Permission";

const cases = ruleCases({
  unknown: [{ title: "principal from an unknown output", input: res("aws:lambda/permission:Permission", "p", { principal: UNKNOWN, action: "lambda:InvokeFunction" }), about: "p" },],
  compliant: [
    { title: "* scoped by a source ARN from an unknown output (the presence is what counts)", input: res("aws:lambda/permission:Permission", "p", { principal: "*", sourceArn: UNKNOWN, action: "lambda:InvokeFunction" }) },
    { title: "service principal scoped by source ARN", input: res(PERMISSION, "p", { principal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/r", action: "lambda:InvokeFunction" }) },
    { title: "* restricted to an account", input: res(PERMISSION, "p", { principal: "*", sourceAccount: "123456789012", action: "lambda:InvokeFunction" }) },
    { title: "Amazon S3 with the bucket owner's account", input: res(PERMISSION, "p", { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads", sourceAccount: "123456789012", action: "lambda:InvokeFunction" }) },
  ],
  violating: [
    { title: "principal *", input: res(PERMISSION, "p", { principal: "*", action: "lambda:InvokeFunction" }), about: "p" },
    { title: "Amazon S3 scoped by bucket ARN only (a bucket ARN names no account)", input: res(PERMISSION, "p", { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads", action: "lambda:InvokeFunction" }), about: "p" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "service principal scoped by source ARN": "COMPLIANT",
  "* restricted to an account": "COMPLIANT",
  "Amazon S3 with the bucket owner's account": "COMPLIANT",
  "principal *": "NON_COMPLIANT",
  "Amazon S3 scoped by bucket ARN only (a bucket ARN names no account)": "NON_COMPLIANT",
});
