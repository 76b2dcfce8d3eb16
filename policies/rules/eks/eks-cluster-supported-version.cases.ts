import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:eks/cluster:Cluster", {
  compliant: { "at the oldest supported": { version: "1.30" }, "newer": { version: "1.33" }, "unset (latest)": {} },
  violating: { "older": { version: "1.29" } },
  unknown: { "version unknown": { version: UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "at the oldest supported": "COMPLIANT",
  "newer": "COMPLIANT",
  "unset (latest)": "COMPLIANT",
  "older": "NON_COMPLIANT",
});
