import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:cloudwatch/eventBus:EventBus";
const C = "aws:cloudwatch/eventBusPolicy:EventBusPolicy";

const cases = ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { name: "t" }), res(C, "t-config", { eventBusName: "t", policy: "{}" })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { name: "t" })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { name: "t" }), res(C, "t-config", { eventBusName: UNKNOWN, policy: "{}" })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "configured": "COMPLIANT",
  "no configuration": "NON_COMPLIANT",
  "nothing to judge": "NOT_APPLICABLE",
});
