import { ruleCases, trail } from "../cases";

export default ruleCases({
    compliant: [{ title: "logging", input: trail("t") }],
    violating: [{ title: "logging off", input: trail("t", { enableLogging: false }), about: "t" }],
  });
