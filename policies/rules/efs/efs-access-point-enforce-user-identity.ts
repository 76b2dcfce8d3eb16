// efs-access-point-enforce-user-identity: EFS access points enforce a POSIX user identity. (FSBP EFS.4)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("efs-access-point-enforce-user-identity", (p) => requirePresent(p.posixUser, "does not enforce a user identity: set posixUser"));
