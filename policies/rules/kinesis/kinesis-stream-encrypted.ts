// kinesis-stream-encrypted: Kinesis data streams encrypt records at rest. (FSBP Kinesis.1)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("kinesis-stream-encrypted", (p) => requireNotIn(p.encryptionType, ["NONE"], "does not encrypt records at rest: set encryptionType KMS and kmsKeyId", "NONE"));
