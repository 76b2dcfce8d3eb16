import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "retention from an unknown output", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: UNKNOWN }), about: "lg" },],
    compliant: [
      { title: "90 days", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 90 }) },
      { title: "400 days with a 365 minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 400 }), config: { minRetentionDays: 365 } },
      { title: "exactly the minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 365 }), config: { minRetentionDays: 365 } },
      { title: "1 day with the default minimum (1)", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 1 }) },
      { title: "never expires", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", {}), config: { minRetentionDays: 3653 } },
      { title: "retention 0 (never expire)", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 0 }), config: { minRetentionDays: 365 } },
    ],
    violating: [
      { title: "below the minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 30 }), config: { minRetentionDays: 365 }, about: "lg" },
      { title: "one day under the minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 364 }), config: { minRetentionDays: 365 }, about: "lg" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "90 days": "COMPLIANT",
  "400 days with a 365 minimum": "COMPLIANT",
  "exactly the minimum": "COMPLIANT",
  "1 day with the default minimum (1)": "COMPLIANT",
  "never expires": "COMPLIANT",
  "below the minimum": "NON_COMPLIANT",
  "one day under the minimum": "NON_COMPLIANT",
  "retention 0 (never expire)": "COMPLIANT",
});
