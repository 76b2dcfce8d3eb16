// ec2-instance-profile-attached: instances and launch templates carry an IAM instance profile (the Config rule: the
// instance's profile is set). A profile unknown at preview counts only when it comes from an instance profile of this
// stack.
import { ofType, referenceViolations, T } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("ec2-instance-profile-attached", (resources) => {
  const profiles = ofType(resources, ["aws:iam/instanceProfile:InstanceProfile"]);
  const missing = "has no IAM instance profile: set iamInstanceProfile";
  return [
    ...referenceViolations(ofType(resources, T.instance), "iamInstanceProfile", profiles, missing, "instance profile"),
    // A launch template names its profile by name or by ARN.
    ...referenceViolations(ofType(resources, T.launchTemplate), ["iamInstanceProfile.name", "iamInstanceProfile.arn"], profiles, missing, "instance profile"),
  ];
});
