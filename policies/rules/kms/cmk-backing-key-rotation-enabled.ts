// cmk-backing-key-rotation-enabled: symmetric customer managed keys rotate automatically.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("cmk-backing-key-rotation-enabled", (r) => {
  const spec = r.props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
  // Asymmetric, HMAC and imported keys cannot rotate automatically.
  if (isUnknown(spec) || spec !== "SYMMETRIC_DEFAULT" || isUnknown(r.props.enableKeyRotation)) return [];
  return r.props.enableKeyRotation === true ? [] : [`KMS key ${label(r)} does not enable automatic rotation.`];
});
