import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "90 days", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 90 }) },
      { title: "400 days with a 365 minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 400 }), config: { minRetentionDays: 365 } },
      { title: "exactly the minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 365 }), config: { minRetentionDays: 365 } },
      { title: "1 day with the default minimum (1)", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 1 }) },
    ],
    violating: [
      { title: "never expires", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", {}), about: "lg" },
      { title: "below the minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 30 }), config: { minRetentionDays: 365 }, about: "lg" },
      { title: "one day under the minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 364 }), config: { minRetentionDays: 365 }, about: "lg" },
      { title: "retention 0 (never expire)", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 0 }), about: "lg" },
    ],
  });
