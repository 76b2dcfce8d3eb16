// aurora-mysql-backtracking-enabled: Aurora MySQL clusters have backtracking. (FSBP RDS.14)
import { requireAtLeast, settingRule } from "../../judge";

export default settingRule("aurora-mysql-backtracking-enabled", (p) => p.engine !== "aurora-mysql" ? undefined : requireAtLeast(p.backtrackWindow, 1, "cannot be backtracked: set backtrackWindow (seconds, up to 259200)"));
