// eks-secrets-encrypted: EKS clusters encrypt Kubernetes secrets with a KMS key (envelope encryption). (FSBP EKS.3)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("eks-secrets-encrypted", (p) => {
  const config = p.encryptionConfig;
  if (isUnknown(config) || isUnknown(config?.resources)) return UNKNOWN;
  return asArray(config?.resources).includes("secrets") ? undefined : "does not encrypt Kubernetes secrets with KMS: add encryptionConfig for resources [\"secrets\"]";
});
