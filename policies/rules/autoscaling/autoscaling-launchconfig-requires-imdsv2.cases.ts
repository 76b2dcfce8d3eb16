import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "required", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { metadataOptions: { httpTokens: "required" } }) }],
    violating: [{ title: "unset", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", {}), about: "lc" }],
  });
