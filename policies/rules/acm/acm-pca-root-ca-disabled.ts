// acm-pca-root-ca-disabled: AWS Private CA root certificate authorities are disabled (issue from subordinates). (FSBP PrivateCertificateAuthority.1)
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("acm-pca-root-ca-disabled", (p) => {
  if (isUnknown(p.type) || isUnknown(p.enabled)) return UNKNOWN;
  return (p.type ?? "SUBORDINATE") === "ROOT" && p.enabled !== false ? "is an enabled root CA: issue from a subordinate CA and set enabled false" : undefined;
});
