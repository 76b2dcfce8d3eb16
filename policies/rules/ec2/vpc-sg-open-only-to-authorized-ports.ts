// vpc-sg-open-only-to-authorized-ports: rules open to the world allow only the authorized ports (default TCP 80, 443).
import { judgeIngress, label } from "../../helpers";
import { resourceRule } from "../../model";

const ICMP = ["icmp", "icmpv6", "58"];

export default resourceRule("vpc-sg-open-only-to-authorized-ports", (r, config) => {
  const authorized: Record<string, number[]> = { tcp: config.authorizedTcpPorts, udp: config.authorizedUdpPorts };
  return judgeIngress(
    r,
    (i) => !ICMP.includes(i.protocol) && !(i.fromPort === i.toPort && (authorized[i.protocol] ?? []).includes(i.fromPort)),
    (i) =>
      `${label(r)} opens ${i.protocol === "-1" ? "all traffic" : `${i.fromPort}-${i.toPort}/${i.protocol}`} to the internet; only TCP ${authorized.tcp.join(", ") || "none"} and UDP ${authorized.udp.join(", ") || "none"} may be.`,
  );
});
