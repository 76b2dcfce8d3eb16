import { judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "account", input: [res("aws:securityhub/account:Account", "hub", {})] }],
    violating: [{ title: "none", input: [] }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "account": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
