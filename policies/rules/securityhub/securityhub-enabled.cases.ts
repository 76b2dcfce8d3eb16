import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "account", input: [res("aws:securityhub/account:Account", "hub", {})] }],
    violating: [{ title: "none", input: [] }],
  });
