import { requiredPresentCases } from "../cases";

export default requiredPresentCases("aws:wafregional/ruleGroup:RuleGroup", "activatedRules", [{ action: { type: "COUNT" }, priority: 1, ruleId: "r" }], { name: "n", metricName: "m" });
