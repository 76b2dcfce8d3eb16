import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  compliant: [{ title: "private", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: false }) }],
  violating: [
    { title: "public", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: true }), about: "db" },
    { title: "public instance of an Aurora cluster", input: res("aws:rds/clusterInstance:ClusterInstance", "writer", { clusterIdentifier: "analytics", publiclyAccessible: true }), about: "writer" },
  ],
  unknown: [{ title: "publiclyAccessible from an unknown output", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: UNKNOWN }), about: "db" }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "private": "COMPLIANT",
  "public": "NON_COMPLIANT",
  "public instance of an Aurora cluster": "NON_COMPLIANT",
});
