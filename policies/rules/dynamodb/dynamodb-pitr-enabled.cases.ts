import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "PITR", input: res("aws:dynamodb/table:Table", "t", { pointInTimeRecovery: { enabled: true } }) }],
    violating: [{ title: "none", input: res("aws:dynamodb/table:Table", "t", {}), about: "t" }],
  });
