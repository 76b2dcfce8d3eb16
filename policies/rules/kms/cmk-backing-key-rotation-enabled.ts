// cmk-backing-key-rotation-enabled: symmetric customer managed keys rotate automatically.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("cmk-backing-key-rotation-enabled", (r) =>
  judgeKnown(r, ["customerMasterKeySpec", "keySpec", "enableKeyRotation"], () => {
    // Asymmetric, HMAC and imported keys cannot rotate automatically (keySpec is the current name of the setting).
    const spec = r.props.keySpec ?? r.props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    if (spec !== "SYMMETRIC_DEFAULT") return [];
    return r.props.enableKeyRotation === true ? [] : [`KMS key ${label(r)} does not enable automatic rotation.`];
  }),
);
