import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration";

const cases = ruleCases({
  compliant: [{ title: "setting in the stack", input: [res(T, "a", { blockPublicSecurityGroupRules: true })] }, { title: "managed externally", input: [], config: { managedExternally: true } }],
  violating: [{ title: "no setting in the account's baseline stack", input: [], config: { required: true } }, { title: "setting off", input: [res(T, "a", { blockPublicSecurityGroupRules: false })] }],
  notApplicable: [{ title: "workload stack without the setting", input: [] }],
  unknown: [{ title: "value unknown", input: [res(T, "a", { blockPublicSecurityGroupRules: UNKNOWN })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "setting in the stack": "COMPLIANT",
  "managed externally": "COMPLIANT",
  "no setting in the account's baseline stack": { awsConfig: "COMPLIANT", why: "With required: true the pack asks the account's baseline stack to declare EMR block public access; AWS turns it on by default in every Region of an account, so the deployed rule passes an account that never changed it." },
  "setting off": "NON_COMPLIANT",
  "workload stack without the setting": "COMPLIANT",
});
