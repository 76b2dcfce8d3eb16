// rds-snapshots-public-prohibited: RDS snapshots and cluster snapshots are not shared with all AWS accounts. (FSBP RDS.1)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("rds-snapshots-public-prohibited", (p) => (isUnknown(p.sharedAccounts) || asArray(p.sharedAccounts).some(isUnknown) ? UNKNOWN : asArray(p.sharedAccounts).includes("all") ? "is public (shared with all accounts): remove \"all\" from sharedAccounts" : undefined));
