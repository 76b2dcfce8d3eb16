import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";

export default ruleCases({
  compliant: [{ title: "setting in the stack", input: [res(T, "a", { minimumPasswordLength: 14, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }, { title: "managed externally", input: [], config: { managedExternally: true } }],
  violating: [{ title: "no setting in the account's baseline stack", input: [], config: { required: true } }, { title: "setting off", input: [res(T, "a", { minimumPasswordLength: 8, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }],
  notApplicable: [{ title: "workload stack without the setting", input: [] }],
  unknown: [{ title: "value unknown", input: [res(T, "a", { minimumPasswordLength: UNKNOWN, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }],
});
