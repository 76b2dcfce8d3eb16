import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:account/alternativeContact:AlternativeContact";

const cases = ruleCases({
  compliant: [{ title: "setting in the stack", input: [res(T, "a", { alternateContactType: "SECURITY", emailAddress: "security@example.com", name: "Security", phoneNumber: "+1-555-0100", title: "CISO" })] }, { title: "managed externally", input: [], config: { managedExternally: true } }],
  violating: [{ title: "no setting in the account's baseline stack", input: [], config: { required: true } }, { title: "setting off", input: [res(T, "a", { alternateContactType: "BILLING", emailAddress: "b@example.com", name: "B", phoneNumber: "+1", title: "B" })] }],
  notApplicable: [{ title: "workload stack without the setting", input: [] }],
  unknown: [{ title: "value unknown", input: [res(T, "a", { alternateContactType: UNKNOWN, emailAddress: "x", name: "x", phoneNumber: "x", title: "x" })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "setting in the stack": "COMPLIANT",
  "managed externally": "COMPLIANT",
  "no setting in the account's baseline stack": "NON_COMPLIANT",
  "setting off": "NON_COMPLIANT",
  "workload stack without the setting": "NOT_APPLICABLE",
});
