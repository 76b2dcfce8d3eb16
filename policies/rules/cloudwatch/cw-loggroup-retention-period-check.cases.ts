import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "90 days", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 90 }) },
      { title: "400 days with a 365 minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 400 }), config: { minRetentionDays: 365 } },
    ],
    violating: [
      { title: "never expires", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", {}), about: "lg" },
      { title: "below the minimum", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 30 }), config: { minRetentionDays: 365 }, about: "lg" },
    ],
  });
