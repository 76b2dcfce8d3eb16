// waf-classic-logging-enabled: WAF Classic global web ACLs log to Kinesis Data Firehose. (FSBP WAF.1)
import { at, requirePresent, settingRule } from "../../judge";

export default settingRule("waf-classic-logging-enabled", (p) => requirePresent(at(p, "loggingConfiguration.logDestination"), "does not log: set loggingConfiguration.logDestination to a Firehose stream"));
