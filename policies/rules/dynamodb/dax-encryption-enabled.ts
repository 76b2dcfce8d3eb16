// dax-encryption-enabled: DynamoDB Accelerator clusters encrypt data at rest. (FSBP DynamoDB.3)
import { at, requireTrue, settingRule } from "../../judge";

export default settingRule("dax-encryption-enabled", (p) => requireTrue(at(p, "serverSideEncryption.enabled"), "does not encrypt data at rest: set serverSideEncryption.enabled true"));
