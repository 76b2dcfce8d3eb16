// elb-acm-certificate-required: Classic Load Balancer HTTPS/SSL listeners use ACM certificates. (FSBP ELB.2)
import { asArray, shown } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("elb-acm-certificate-required", (p) => {
  const tls = asArray(p.listeners).filter((l) => ["https", "ssl"].includes(String(l?.lbProtocol).toLowerCase()));
  // A listener whose protocol is unknown may be HTTPS/SSL: its certificate counts unless it is a known ACM one.
  const maybeTls = asArray(p.listeners).filter((l) => isUnknown(l?.lbProtocol) && l?.sslCertificateId !== undefined && !String(l.sslCertificateId).startsWith("arn:aws:acm:"));
  if (isUnknown(p.listeners) || tls.some((l) => isUnknown(l.sslCertificateId)) || maybeTls.length > 0) return UNKNOWN;
  const other = tls.filter((l) => typeof l.sslCertificateId !== "string" || !l.sslCertificateId.startsWith("arn:aws:acm:"));
  return other.length ? `listener ${other.map((l) => shown(l.lbPort)).join(", ")} uses a certificate not from ACM: set sslCertificateId to an ACM certificate` : undefined;
});
