import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "no public IP", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { associatePublicIpAddress: false }) }],
    violating: [{ title: "public IP", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { associatePublicIpAddress: true }), about: "lc" }],
  });
