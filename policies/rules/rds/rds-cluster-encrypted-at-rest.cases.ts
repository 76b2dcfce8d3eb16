import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "encrypted", input: res("aws:rds/cluster:Cluster", "c", { storageEncrypted: true }) }],
    violating: [{ title: "unencrypted", input: res("aws:rds/cluster:Cluster", "c", {}), about: "c" }],
  });
