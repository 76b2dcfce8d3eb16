import { INSTANCE, judgedByAwsConfig, LT, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
    compliant: [
    { title: "profile named from an unknown output (the presence is what counts)", input: res(INSTANCE, "i", { iamInstanceProfile: UNKNOWN }) },
      { title: "instance", input: res(INSTANCE, "i", { iamInstanceProfile: "web-profile" }) },
      { title: "launch template", input: res(LT, "lt", { iamInstanceProfile: { arn: "arn:aws:iam::123456789012:instance-profile/web" } }) },
    ],
    violating: [{ title: "none", input: res(INSTANCE, "i", {}), about: "i" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "instance": "COMPLIANT",
  "launch template": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
