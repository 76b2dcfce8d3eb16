import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:eks/cluster:Cluster", {
  compliant: { "audit logged": { enabledClusterLogTypes: ["api", "audit"] } },
  violating: { "no logs": {}, "api only": { enabledClusterLogTypes: ["api"] } },
  unknown: { "list unknown": { enabledClusterLogTypes: UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "audit logged": "COMPLIANT",
  "no logs": "NON_COMPLIANT",
  "api only": "NON_COMPLIANT",
});
