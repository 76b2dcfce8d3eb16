import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "private", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: false }) }],
    violating: [{ title: "public", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: true }), about: "db" }],
  });
