import { doc, judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  compliant: [
    { title: "scoped", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }) },
    { title: "every action, on one bucket only", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] }) }) },
    { title: "*:* denied", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) }) },
    { title: "*:* split across two statements (neither is admin)", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b" }, { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) }) },
  ],
  violating: [
    { title: "*:* standalone", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }), about: "p" },
    { title: "*:* next to scoped statements", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }, { Effect: "Allow", Action: ["s3:*", "*"], Resource: ["arn:aws:s3:::b", "*"] }) }), about: "p" },
    { title: "the action pattern *:*", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*:*", Resource: "*" }) }), about: "p" },
  ],
  unknown: [{ title: "policy document unknown at preview", input: res("aws:iam/policy:Policy", "p", { policy: UNKNOWN }), about: "p" }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "scoped": "COMPLIANT",
  "every action, on one bucket only": "COMPLIANT",
  "*:* denied": "COMPLIANT",
  "*:* split across two statements (neither is admin)": "COMPLIANT",
  "*:* standalone": "NON_COMPLIANT",
  "*:* next to scoped statements": "NON_COMPLIANT",
  "the action pattern *:*": "NON_COMPLIANT",
});
