// ssm-document-not-public: SSM documents are not shared publicly. (FSBP SSM.4)
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("ssm-document-not-public", (p) => {
  const ids = p.permissions?.accountIds;
  if (isUnknown(p.permissions) || isUnknown(ids)) return UNKNOWN;
  return typeof ids === "string" && ids.split(",").some((id) => id.trim().toLowerCase() === "all") ? "is public (shared with All): share it with named accounts only" : undefined;
});
