// ec2-instance-profile-attached: instances and launch templates carry an IAM instance profile.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("ec2-instance-profile-attached", (r) => {
  const profile = r.props.iamInstanceProfile; // a name (instance) or { name, arn } (launch template)
  if (isUnknown(profile)) return [];
  const named = typeof profile === "string" ? profile !== "" : !!profile && (profile.name || profile.arn || isUnknown(profile.name) || isUnknown(profile.arn));
  return named ? [] : [`${label(r)} has no IAM instance profile.`];
});
