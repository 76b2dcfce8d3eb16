import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "encryption flag unknown", input: res("aws:rds/instance:Instance", "db", { storageEncrypted: UNKNOWN }), about: "db" },],
    compliant: [
      { title: "encrypted", input: res("aws:rds/instance:Instance", "db", { storageEncrypted: true }) },
      { title: "Aurora instance (judged on the cluster)", input: res("aws:rds/instance:Instance", "db", { clusterIdentifier: "c" }) },
    ],
    violating: [{ title: "unencrypted", input: res("aws:rds/instance:Instance", "db", { engine: "postgres" }), about: "db" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encrypted": "COMPLIANT",
  "Aurora instance (judged on the cluster)": { awsConfig: "NON_COMPLIANT", why: "The Config rule judges an Aurora instance by its cluster's encryption, which this fixture does not declare: on an unencrypted cluster it flags the instance, where the pack flags the cluster (rds-cluster-encrypted-at-rest)." },
  "unencrypted": "NON_COMPLIANT",
});
