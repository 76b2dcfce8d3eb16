// dax-tls-endpoint-encryption: DynamoDB Accelerator clusters encrypt connections (TLS endpoint). (FSBP DynamoDB.7)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("dax-tls-endpoint-encryption", (p) => requireNotIn(p.clusterEndpointEncryptionType, ["NONE"], "accepts unencrypted connections: set clusterEndpointEncryptionType TLS", "NONE"));
