import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:redshift/cluster:Cluster";
const C = "aws:redshift/logging:Logging";

const cases = ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { clusterIdentifier: "t" }), res(C, "t-config", { clusterIdentifier: "t", logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog", "useractivitylog"] })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { clusterIdentifier: "t" })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { clusterIdentifier: "t" }), res(C, "t-config", { clusterIdentifier: UNKNOWN })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "configured": "COMPLIANT",
  "no configuration": "NON_COMPLIANT",
  "nothing to judge": "NOT_APPLICABLE",
});
