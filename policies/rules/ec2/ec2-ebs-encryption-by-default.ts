// ec2-ebs-encryption-by-default: EBS encryption by default is enabled in the stack, or config declares it external.
import { ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("ec2-ebs-encryption-by-default", (resources, config) => {
  if (config.managedExternally) return [];
  const ok = ofType(resources, ["aws:ebs/encryptionByDefault:EncryptionByDefault"]).some((r) => r.props.enabled !== false);
  return ok ? [] : [{ message: "EBS encryption by default is not enabled in the stack (add SecurityBaseline), and managedExternally is not set." }];
});
