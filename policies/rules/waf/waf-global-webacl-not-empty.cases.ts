import { requiredPresentCases } from "../cases";

export default requiredPresentCases("aws:waf/webAcl:WebAcl", "rules", [{ action: { type: "BLOCK" }, priority: 1, ruleId: "r" }], { name: "n", metricName: "m" });
