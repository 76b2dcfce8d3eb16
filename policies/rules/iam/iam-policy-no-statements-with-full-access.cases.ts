import { doc, judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  compliant: [
    { title: "listed actions", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: ["sqs:SendMessage"], Resource: "arn:aws:sqs:us-east-1:123456789012:q" }) }) },
    { title: "Deny s3:*", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Deny", Action: "s3:*", Resource: "*" }) }) },
    { title: "a prefix pattern within one service", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "s3:Get*", Resource: "*" }) }) },
  ],
  violating: [
    { title: "s3:*", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }) }), about: "p" },
    { title: "the service pattern i*:* (iam, iot, ...)", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "i*:*", Resource: "*" }) }), about: "p" },
    { title: "Allow with NotAction", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }), about: "p" },
  ],
  unknown: [{ title: "policy document unknown at preview", input: res("aws:iam/policy:Policy", "p", { policy: UNKNOWN }), about: "p" }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "listed actions": "COMPLIANT",
  "Deny s3:*": "COMPLIANT",
  "a prefix pattern within one service": "COMPLIANT",
  "s3:*": "NON_COMPLIANT",
  "the service pattern i*:* (iam, iot, ...)": "NON_COMPLIANT",
  "Allow with NotAction": "NON_COMPLIANT",
});
