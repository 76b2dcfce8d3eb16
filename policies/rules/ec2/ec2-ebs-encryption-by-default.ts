// ec2-ebs-encryption-by-default: EBS encryption by default is enabled in the stack, or config declares it external.
import { label, ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("ec2-ebs-encryption-by-default", (resources, config) => {
  if (config.managedExternally) return [];
  const settings = ofType(resources, ["aws:ebs/encryptionByDefault:EncryptionByDefault"]);
  if (settings.some((r) => r.props.enabled !== false && !isUnknown(r.props.enabled))) return [];
  const undecided = settings.find((r) => isUnknown(r.props.enabled));
  if (undecided) return [{ resource: undecided, cannotJudge: true, message: `EBS encryption by default ${label(undecided)}: whether it is enabled is unknown until the update.` }];
  return [{ message: "EBS encryption by default is not enabled in the stack (add SecurityBaseline), and managedExternally is not set." }];
});
