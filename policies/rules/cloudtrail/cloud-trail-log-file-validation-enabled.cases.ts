import { ruleCases, trail } from "../cases";

export default ruleCases({
    compliant: [{ title: "validation", input: trail("t") }],
    violating: [{ title: "no validation", input: trail("t", { enableLogFileValidation: false }), about: "t" }],
  });
