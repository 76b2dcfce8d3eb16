import { requiredPresentCases } from "../cases";

export default requiredPresentCases("aws:wafregional/rule:Rule", "predicates", [{ dataId: "ipset", negated: false, type: "IPMatch" }], { name: "n", metricName: "m" });
