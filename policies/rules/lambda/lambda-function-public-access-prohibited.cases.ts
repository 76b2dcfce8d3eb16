import { BUCKET, fromOutputs, judgedByAwsConfig, res, ruleCases, STACK_REF_URN, UNKNOWN } from "../cases";

const PERMISSION = "aws:lambda/permission:Permission";
const permission = (props: Record<string, unknown>) => res(PERMISSION, "p", { action: "lambda:InvokeFunction", ...props });
const bucket = res(BUCKET, "uploads", { bucket: "uploads", arn: UNKNOWN });
const anyone = permission({ principal: "*", sourceArn: UNKNOWN });
const fromS3 = permission({ principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads", sourceAccount: UNKNOWN });

const cases = ruleCases({
  unknown: [
    { title: "principal from an unknown output", input: [permission({ principal: UNKNOWN })], about: "p" },
    { title: "* scoped by a source ARN unknown at preview, no dependency information", input: [bucket, anyone], about: "p", says: "sourceArn, sourceAccount or principalOrgId" },
    { title: "* scoped by a source ARN from another stack", input: [fromOutputs(anyone, "sourceArn", STACK_REF_URN)], about: "p" },
    { title: "Amazon S3 with a source account from another stack", input: [fromOutputs(fromS3, "sourceAccount", STACK_REF_URN)], about: "p", says: "sourceAccount" },
  ],
  compliant: [
    { title: "* scoped by the ARN of a bucket of this stack, unknown at preview", input: [bucket, fromOutputs(anyone, "sourceArn", bucket)] },
    { title: "service principal scoped by source ARN", input: [permission({ principal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/r" })] },
    { title: "* restricted to an account", input: [permission({ principal: "*", sourceAccount: "123456789012" })] },
    { title: "Amazon S3 with the bucket owner's account", input: [permission({ principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads", sourceAccount: "123456789012" })] },
    { title: "* with an unknown source ARN beside a known account", input: [permission({ principal: "*", sourceArn: UNKNOWN, sourceAccount: "123456789012" })] },
  ],
  violating: [
    { title: "principal *", input: [permission({ principal: "*" })], about: "p" },
    { title: "Amazon S3 scoped by bucket ARN only (a bucket ARN names no account)", input: [permission({ principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads" })], about: "p" },
    { title: "principal *, its scoping conditions empty", input: [permission({ principal: "*", sourceArn: "", sourceAccount: "" })], about: "p" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "* scoped by the ARN of a bucket of this stack, unknown at preview": "COMPLIANT",
  "service principal scoped by source ARN": "COMPLIANT",
  "* restricted to an account": "COMPLIANT",
  "Amazon S3 with the bucket owner's account": "COMPLIANT",
  "* with an unknown source ARN beside a known account": "COMPLIANT",
  "principal *": "NON_COMPLIANT",
  "Amazon S3 scoped by bucket ARN only (a bucket ARN names no account)": "NON_COMPLIANT",
  "principal *, its scoping conditions empty": "NON_COMPLIANT",
});
