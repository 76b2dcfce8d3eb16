// nacl-no-unrestricted-ssh-rdp: Network ACLs do not allow ingress from 0.0.0.0/0 or ::/0 to ports 22 or 3389. (FSBP EC2.21)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";
import { containsUnknown } from "../../preview";

/** An allow entry from anywhere that covers 22 or 3389 (protocol -1 covers every port). */
const opens = (e: any) =>
  (e.action ?? e.ruleAction) === "allow" && (e.cidrBlock === "0.0.0.0/0" || e.ipv6CidrBlock === "::/0") &&
  (String(e.protocol) === "-1" || String(e.protocol) === "all" || (["6", "tcp", "17", "udp"].includes(String(e.protocol)) && [22, 3389].some((port) => (e.fromPort ?? 0) <= port && port <= (e.toPort ?? 65535))));

export default settingRule("nacl-no-unrestricted-ssh-rdp", (p, _config, r) => {
  const entries = r.type === "aws:ec2/networkAclRule:NetworkAclRule" ? (p.egress === true ? [] : [p]) : asArray(p.ingress);
  if (isUnknown(p.ingress) || entries.some((e) => containsUnknown(e))) return UNKNOWN;
  return entries.some(opens) ? "allows SSH or RDP (22, 3389) from anywhere: narrow the CIDR or remove the entry" : undefined;
});
