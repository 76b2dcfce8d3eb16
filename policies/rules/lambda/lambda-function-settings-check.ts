// lambda-function-settings-check: Lambda functions use a runtime AWS still supports. (FSBP Lambda.2)
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("lambda-function-settings-check", (p, config) => (isUnknown(p.runtime) ? UNKNOWN : typeof p.runtime === "string" && config.deprecatedRuntimes.includes(p.runtime) ? `runs on the deprecated runtime ${p.runtime}: move to a supported version` : undefined));
