import { fromOutputs, judgedByAwsConfig, res, ruleCases, STACK_REF_URN, trail, UNKNOWN } from "../cases";

const group = res("aws:cloudwatch/logGroup:LogGroup", "trail-events", { arn: UNKNOWN, retentionInDays: 365 });
const role = res("aws:iam/role:Role", "trail-role", { arn: UNKNOWN, assumeRolePolicy: "{}" });
const pending = trail("t", { cloudWatchLogsGroupArn: UNKNOWN });

const cases = ruleCases({
  compliant: [
    { title: "log group", input: [trail("t")] },
    { title: "a log group of this stack, its ARN unknown at preview", input: [group, fromOutputs(pending, "cloudWatchLogsGroupArn", group)] },
  ],
  violating: [
    { title: "none", input: [trail("t", { cloudWatchLogsGroupArn: undefined })], about: "t" },
    { title: "empty cloudWatchLogsGroupArn", input: [trail("t", { cloudWatchLogsGroupArn: "" })], about: "t" },
    { title: "none, beside a log group of this stack the trail does not use", input: [group, trail("t", { cloudWatchLogsGroupArn: undefined })], about: "t" },
  ],
  unknown: [
    { title: "log group ARN unknown, no dependency information", input: [group, pending], about: "t", says: "cloudWatchLogsGroupArn" },
    { title: "log group ARN from another stack", input: [fromOutputs(pending, "cloudWatchLogsGroupArn", STACK_REF_URN)], about: "t" },
    { title: "log group ARN from a resource of this stack that is no log group", input: [role, fromOutputs(pending, "cloudWatchLogsGroupArn", role)], about: "t", says: "log group" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "log group": "COMPLIANT",
  "a log group of this stack, its ARN unknown at preview": "COMPLIANT",
  "none": "NON_COMPLIANT",
  "empty cloudWatchLogsGroupArn": "NON_COMPLIANT",
  "none, beside a log group of this stack the trail does not use": "NON_COMPLIANT",
});
