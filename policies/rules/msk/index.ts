// msk rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import mskEnhancedMonitoringEnabled from "./msk-enhanced-monitoring-enabled";
import mskInClusterNodeRequireTls from "./msk-in-cluster-node-require-tls";

export const rules: readonly Rule[] = [mskEnhancedMonitoringEnabled, mskInClusterNodeRequireTls];
