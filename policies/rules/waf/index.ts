// waf rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import wafClassicLoggingEnabled from "./waf-classic-logging-enabled";
import wafGlobalRuleNotEmpty from "./waf-global-rule-not-empty";
import wafGlobalRulegroupNotEmpty from "./waf-global-rulegroup-not-empty";
import wafGlobalWebaclNotEmpty from "./waf-global-webacl-not-empty";
import wafRegionalRuleNotEmpty from "./waf-regional-rule-not-empty";
import wafRegionalRulegroupNotEmpty from "./waf-regional-rulegroup-not-empty";
import wafRegionalWebaclNotEmpty from "./waf-regional-webacl-not-empty";
import wafv2LoggingEnabled from "./wafv2-logging-enabled";
import wafv2RulegroupLoggingEnabled from "./wafv2-rulegroup-logging-enabled";
import wafv2WebaclNotEmpty from "./wafv2-webacl-not-empty";

export const rules: readonly Rule[] = [wafClassicLoggingEnabled, wafGlobalRuleNotEmpty, wafGlobalRulegroupNotEmpty, wafGlobalWebaclNotEmpty, wafRegionalRuleNotEmpty, wafRegionalRulegroupNotEmpty, wafRegionalWebaclNotEmpty, wafv2LoggingEnabled, wafv2RulegroupLoggingEnabled, wafv2WebaclNotEmpty];
