// redshift-cluster-kms-enabled: Redshift clusters are encrypted with a KMS key. (FSBP Redshift.10)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("redshift-cluster-kms-enabled", (p) => requirePresent(p.kmsKeyId, "is not encrypted with a KMS key: set encrypted true and kmsKeyId"));
