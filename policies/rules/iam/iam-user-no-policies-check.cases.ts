import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "attachment whose users come from an unknown output", input: res("aws:iam/policyAttachment:PolicyAttachment", "pa", { users: UNKNOWN, policyArn: "arn" }), about: "pa" },],
    compliant: [{ title: "policy attachment to roles only", input: res("aws:iam/policyAttachment:PolicyAttachment", "a", { roles: ["r"], policyArn: "arn" }) }],
    violating: [
      { title: "user policy attachment", input: res("aws:iam/userPolicyAttachment:UserPolicyAttachment", "a", { user: "bob", policyArn: "arn" }), about: "a" },
      { title: "policy attachment with users", input: res("aws:iam/policyAttachment:PolicyAttachment", "a", { users: ["bob"], policyArn: "arn" }), about: "a" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "policy attachment to roles only": "COMPLIANT",
  "user policy attachment": "NON_COMPLIANT",
  "policy attachment with users": "NON_COMPLIANT",
});
