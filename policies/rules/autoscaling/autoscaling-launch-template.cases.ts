import { asg, ASG, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "launch template", input: asg("web", {}) }],
    violating: [{ title: "launch configuration", input: res(ASG, "web", { launchConfiguration: "lc-1" }), about: "web" }],
  });
