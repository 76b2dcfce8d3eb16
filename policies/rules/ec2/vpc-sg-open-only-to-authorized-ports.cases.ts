import { INGRESS, judgedByAwsConfig, res, ruleCases, sg, UNKNOWN, world } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "8080 rule whose source range is unknown", input: res(INGRESS, "r", { ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIpv4: UNKNOWN, securityGroupId: "sg-1" }), about: "r" },],
    compliant: [
      { title: "80 and 443 from the world", input: sg("alb", [world(80), world(443)]) },
      { title: "8080 from a private range", input: sg("app", [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.0.0.0/16"] }]) },
      { title: "authorized UDP port", input: sg("vpn", [world(1194, 1194, "udp")]), config: { authorizedUdpPorts: [1194] } },
    ],
    violating: [
      { title: "8080 from the world", input: sg("app", [world(8080)]), about: "app", says: "8080-8080/tcp to the internet; only TCP 80, 443 and UDP none may be" },
      { title: "443 to 444 from the world (a range beyond the authorized port)", input: sg("app", [world(443, 444)]), about: "app", says: "443-444/tcp" },
      { title: "all traffic from the world", input: sg("app", [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }]), about: "app", says: "opens all traffic to the internet" },
      { title: "80 when no TCP port is authorized", input: sg("web", [world(80)]), config: { authorizedTcpPorts: [], authorizedUdpPorts: [53, 1194] }, about: "web", says: "only TCP none and UDP 53, 1194 may be" },
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
  "443 to 444 from the world (a range beyond the authorized port)": "NON_COMPLIANT",
  "all traffic from the world": "NON_COMPLIANT",
  "80 when no TCP port is authorized": "NON_COMPLIANT",
  "443 no longer authorized": "NON_COMPLIANT",
});
