import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";
const STRONG = { minimumPasswordLength: 14, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 };
const policy = (change: Record<string, unknown>) => [res(T, "a", { ...STRONG, ...change })];
// Each requirement on its own, at its edge: the Config rule's parameters are the pack's (14, four classes, 24, 90).
const weak: Array<[string, Record<string, unknown>]> = [
  ["13 characters", { minimumPasswordLength: 13 }],
  ["no minimum length", { minimumPasswordLength: undefined }],
  ["upper case not required", { requireUppercaseCharacters: false }],
  ["lower case not required", { requireLowercaseCharacters: false }],
  ["numbers not required", { requireNumbers: false }],
  ["symbols not required", { requireSymbols: false }],
  ["23 passwords remembered", { passwordReusePrevention: 23 }],
  ["no reuse prevention", { passwordReusePrevention: undefined }],
  ["passwords expire after 91 days", { maxPasswordAge: 91 }],
  ["passwords never expire (0)", { maxPasswordAge: 0 }],
  ["passwords never expire (unset)", { maxPasswordAge: undefined }],
];
const strong: Array<[string, Record<string, unknown>]> = [
  ["128 characters, 24 remembered, 1 day", { minimumPasswordLength: 128, maxPasswordAge: 1 }],
];

const cases = ruleCases({
  compliant: [{ title: "setting in the stack", input: [res(T, "a", { minimumPasswordLength: 14, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }, { title: "managed externally", input: [], config: { managedExternally: true } }, { title: "managed externally, in the account's baseline stack", input: [], config: { managedExternally: true, required: true } }, ...strong.map(([title, change]) => ({ title, input: policy(change) }))],
  violating: [{ title: "no setting in the account's baseline stack", input: [], config: { required: true } }, { title: "setting off", input: [res(T, "a", { minimumPasswordLength: 8, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }, ...weak.map(([title, change]) => ({ title, input: policy(change) }))],
  notApplicable: [{ title: "workload stack without the setting", input: [] }],
  unknown: [{ title: "value unknown", input: [res(T, "a", { minimumPasswordLength: UNKNOWN, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true, passwordReusePrevention: 24, maxPasswordAge: 90 })] }, ...Object.keys(STRONG).slice(1).map((k) => ({ title: `${k} unknown`, input: policy({ [k]: UNKNOWN }) }))],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "setting in the stack": "COMPLIANT",
  "managed externally": "COMPLIANT",
  "managed externally, in the account's baseline stack": "COMPLIANT",
  ...Object.fromEntries(strong.map(([title]) => [title, "COMPLIANT" as const])),
  ...Object.fromEntries(weak.map(([title]) => [title, "NON_COMPLIANT" as const])),
  "no setting in the account's baseline stack": "NON_COMPLIANT",
  "setting off": "NON_COMPLIANT",
  "workload stack without the setting": "NOT_APPLICABLE",
});
