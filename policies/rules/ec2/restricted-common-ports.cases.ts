import { INGRESS, judgedByAwsConfig, res, ruleCases, sg, UNKNOWN, world } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "RDP rule whose source range is unknown", input: res(INGRESS, "r", { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: UNKNOWN, securityGroupId: "sg-1" }), about: "r" },],
    compliant: [
      { title: "RDP from a private range", input: sg("win", [{ protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["10.0.0.0/16"] }]) },
      { title: "port removed from blockedPorts", input: sg("db", [world(3306)]), config: { blockedPorts: [3389] } },
    ],
    violating: [
      { title: "RDP from the world", input: sg("win", [world(3389)]), about: "win" },
      { title: "configured extra port", input: res(INGRESS, "pg", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" }), config: { blockedPorts: [5432] }, about: "pg" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "RDP from a private range": "COMPLIANT",
  "port removed from blockedPorts": "COMPLIANT",
  "RDP from the world": "NON_COMPLIANT",
  "configured extra port": "NON_COMPLIANT",
});
