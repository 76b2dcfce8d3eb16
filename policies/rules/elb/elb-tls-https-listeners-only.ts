// elb-tls-https-listeners-only: Classic Load Balancer listeners use HTTPS or SSL. (FSBP ELB.3)
import { asArray, shown } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("elb-tls-https-listeners-only", (p) => {
  if (isUnknown(p.listeners) || asArray(p.listeners).some((l) => isUnknown(l?.lbProtocol))) return UNKNOWN;
  const plain = asArray(p.listeners).filter((l) => !["https", "ssl"].includes(String(l?.lbProtocol).toLowerCase()));
  return plain.length ? `listener ${plain.map((l) => `${shown(l.lbPort)}/${shown(l.lbProtocol)}`).join(", ")} is not encrypted: use HTTPS or SSL` : undefined;
});
