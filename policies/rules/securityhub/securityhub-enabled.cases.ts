import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
    compliant: [
    { title: "an account resource whose settings are unknown (its presence enables Security Hub)", input: [res("aws:securityhub/account:Account", "hub", { enableDefaultStandards: UNKNOWN })] },{ title: "account", input: [res("aws:securityhub/account:Account", "hub", {})] }],
    violating: [{ title: "none", input: [] }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "account": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
