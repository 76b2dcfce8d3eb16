// vpc-default-security-group-closed: a managed default security group has no ingress and no egress rules.
import { asArray, label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("vpc-default-security-group-closed", (r) => {
  const open = ["ingress", "egress"].filter((k) => !isUnknown(r.props[k]) && asArray(r.props[k]).length > 0);
  return open.length ? [`${label(r)} has ${open.join(" and ")} rules; the default security group must allow nothing.`] : [];
});
