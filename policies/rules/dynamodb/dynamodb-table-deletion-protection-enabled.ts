// dynamodb-table-deletion-protection-enabled: DynamoDB tables have deletion protection. (FSBP DynamoDB.6)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("dynamodb-table-deletion-protection-enabled", (p) => requireTrue(p.deletionProtectionEnabled, "can be deleted: set deletionProtectionEnabled true"));
