import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";

const cases = ruleCases({
  compliant: [{ title: "setting in the stack", input: [res(T, "a", { minimumPasswordLength: 14, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }, { title: "managed externally", input: [], config: { managedExternally: true } }],
  violating: [{ title: "no setting in the account's baseline stack", input: [], config: { required: true } }, { title: "setting off", input: [res(T, "a", { minimumPasswordLength: 8, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }],
  notApplicable: [{ title: "workload stack without the setting", input: [] }],
  unknown: [{ title: "value unknown", input: [res(T, "a", { minimumPasswordLength: UNKNOWN, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "setting in the stack": "COMPLIANT",
  "managed externally": "COMPLIANT",
  "no setting in the account's baseline stack": "NON_COMPLIANT",
  "setting off": "NON_COMPLIANT",
  "workload stack without the setting": "NOT_APPLICABLE",
});
