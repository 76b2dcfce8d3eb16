import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "encrypted", input: res("aws:rds/instance:Instance", "db", { storageEncrypted: true }) },
      { title: "Aurora instance (judged on the cluster)", input: res("aws:rds/instance:Instance", "db", { clusterIdentifier: "c" }) },
    ],
    violating: [{ title: "unencrypted", input: res("aws:rds/instance:Instance", "db", { engine: "postgres" }), about: "db" }],
  });
