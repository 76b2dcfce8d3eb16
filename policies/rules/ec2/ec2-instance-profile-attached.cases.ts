import { fromOutputs, INSTANCE, judgedByAwsConfig, LT, res, ruleCases, STACK_REF_URN, UNKNOWN } from "../cases";

const profile = res("aws:iam/instanceProfile:InstanceProfile", "web-profile", { name: UNKNOWN, arn: UNKNOWN, role: "web-role" });
const role = res("aws:iam/role:Role", "web-role", { name: UNKNOWN, arn: UNKNOWN, assumeRolePolicy: "{}" });
const pending = res(INSTANCE, "i", { iamInstanceProfile: UNKNOWN });
const pendingTemplate = res(LT, "lt", { iamInstanceProfile: { name: UNKNOWN } });

const cases = ruleCases({
  compliant: [
    { title: "instance", input: [res(INSTANCE, "i", { iamInstanceProfile: "web-profile" })] },
    { title: "launch template", input: [res(LT, "lt", { iamInstanceProfile: { arn: "arn:aws:iam::123456789012:instance-profile/web" } })] },
    { title: "a profile of this stack, its name unknown at preview", input: [profile, fromOutputs(pending, "iamInstanceProfile", profile)] },
    { title: "launch template naming a profile of this stack, unknown at preview", input: [profile, fromOutputs(pendingTemplate, "iamInstanceProfile", profile)] },
    { title: "launch template: a known ARN beside an unknown name", input: [res(LT, "lt", { iamInstanceProfile: { name: UNKNOWN, arn: "arn:aws:iam::123456789012:instance-profile/web" } })] },
  ],
  violating: [
    { title: "none", input: [res(INSTANCE, "i", {})], about: "i" },
    { title: "empty name", input: [res(INSTANCE, "i", { iamInstanceProfile: "" })], about: "i" },
    { title: "launch template with an empty profile block", input: [res(LT, "lt", { iamInstanceProfile: {} })], about: "lt" },
    { title: "none, beside a profile of this stack the instance does not use", input: [profile, res(INSTANCE, "i", {})], about: "i" },
  ],
  unknown: [
    { title: "profile unknown, no dependency information", input: [profile, pending], about: "i", says: "iamInstanceProfile" },
    { title: "profile from another stack", input: [fromOutputs(pending, "iamInstanceProfile", STACK_REF_URN)], about: "i" },
    { title: "profile from a resource of this stack that is no instance profile", input: [role, fromOutputs(pending, "iamInstanceProfile", role)], about: "i", says: "instance profile" },
    { title: "launch template whose profile name comes from another stack", input: [fromOutputs(pendingTemplate, "iamInstanceProfile", STACK_REF_URN)], about: "lt", says: "iamInstanceProfile.name" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "instance": "COMPLIANT",
  "launch template": "COMPLIANT",
  "a profile of this stack, its name unknown at preview": "COMPLIANT",
  "launch template naming a profile of this stack, unknown at preview": "COMPLIANT",
  "launch template: a known ARN beside an unknown name": "COMPLIANT",
  "none": "NON_COMPLIANT",
  "empty name": "NON_COMPLIANT",
  "launch template with an empty profile block": "NON_COMPLIANT",
  "none, beside a profile of this stack the instance does not use": "NON_COMPLIANT",
});
