import { INGRESS, judgedByAwsConfig, res, ruleCases, sg, UNKNOWN, world } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "8080 rule whose source range is unknown", input: res(INGRESS, "r", { ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIpv4: UNKNOWN, securityGroupId: "sg-1" }), about: "r" },],
    compliant: [
      { title: "80 and 443 from the world", input: sg("alb", [world(80), world(443)]) },
      { title: "8080 from a private range", input: sg("app", [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.0.0.0/16"] }]) },
      { title: "authorized UDP port", input: sg("vpn", [world(1194, 1194, "udp")]), config: { authorizedUdpPorts: [1194] } },
    ],
    violating: [
      { title: "8080 from the world", input: sg("app", [world(8080)]), about: "app" },
      { title: "UDP 443 is not TCP 443", input: sg("quic", [world(443, 443, "udp")]), about: "quic" },
      { title: "443 no longer authorized", input: res(INGRESS, "r", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0" }), config: { authorizedTcpPorts: [80] }, about: "r" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "80 and 443 from the world": "COMPLIANT",
  "8080 from a private range": "COMPLIANT",
  "authorized UDP port": "COMPLIANT",
  "8080 from the world": "NON_COMPLIANT",
  "UDP 443 is not TCP 443": "NON_COMPLIANT",
  "443 no longer authorized": "NON_COMPLIANT",
});
