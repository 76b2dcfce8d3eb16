// aurora-mysql-backtracking-enabled: Aurora MySQL clusters have backtracking. (FSBP RDS.14)
import { oneOf, requireAtLeast, settingRule, whenApplies } from "../../judge";

export default settingRule("aurora-mysql-backtracking-enabled", (p) =>
  whenApplies(oneOf(p.engine, ["aurora-mysql"]), () => requireAtLeast(p.backtrackWindow, 1, "cannot be backtracked: set backtrackWindow (seconds, up to 259200)")),
);
