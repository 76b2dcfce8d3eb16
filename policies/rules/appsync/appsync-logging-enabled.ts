// appsync-logging-enabled: AppSync GraphQL APIs have field-level logging. (FSBP AppSync.2)
import { at, requireNotIn, settingRule } from "../../judge";

export default settingRule("appsync-logging-enabled", (p) => requireNotIn(at(p, "logConfig.fieldLogLevel"), ["NONE"], "has no field-level logging: set logConfig.fieldLogLevel (ERROR or ALL)", "NONE"));
