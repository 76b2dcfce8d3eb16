import { fromOutputs, judgedByAwsConfig, KEY_ARN, KMS_KEY, res, ruleCases, STACK_REF_URN, UNKNOWN } from "../cases";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const group = (props: Record<string, unknown>) => res(LOG_GROUP, "lg", { retentionInDays: 90, ...props });
const key = res(KMS_KEY, "logs-key", { arn: UNKNOWN, enableKeyRotation: true });
const role = res("aws:iam/role:Role", "app-role", { arn: UNKNOWN, assumeRolePolicy: "{}" });
const pending = group({ kmsKeyId: UNKNOWN });

const cases = ruleCases({
  compliant: [
    { title: "KMS", input: [group({ kmsKeyId: KEY_ARN })] },
    { title: "a key of this stack, its ARN unknown at preview", input: [key, fromOutputs(pending, "kmsKeyId", key)] },
  ],
  violating: [
    { title: "no key", input: [group({})], about: "lg" },
    { title: "empty kmsKeyId", input: [group({ kmsKeyId: "" })], about: "lg" },
    { title: "no key, beside a key of this stack the group does not use", input: [key, group({})], about: "lg" },
  ],
  unknown: [
    { title: "key ARN unknown, no dependency information", input: [key, pending], about: "lg", says: "kmsKeyId" },
    { title: "key ARN from another stack", input: [fromOutputs(pending, "kmsKeyId", STACK_REF_URN)], about: "lg" },
    { title: "key ARN from a resource of this stack that is no key", input: [key, role, fromOutputs(pending, "kmsKeyId", role)], about: "lg", says: "KMS key" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "KMS": "COMPLIANT",
  "a key of this stack, its ARN unknown at preview": "COMPLIANT",
  "no key": "NON_COMPLIANT",
  "empty kmsKeyId": "NON_COMPLIANT",
  "no key, beside a key of this stack the group does not use": "NON_COMPLIANT",
});
