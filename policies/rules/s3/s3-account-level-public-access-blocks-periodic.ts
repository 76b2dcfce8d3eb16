// s3-account-level-public-access-blocks-periodic: the account-level S3 Block Public Access is on, here or managed externally.
import { label, ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export default stackRule("s3-account-level-public-access-blocks-periodic", (resources, config) => {
  if (config.managedExternally) return [];
  const blocks = ofType(resources, ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"]);
  if (blocks.some((b) => SETTINGS.every((s) => b.props[s] === true))) return [];
  const undecided = blocks.find((b) => SETTINGS.every((s) => b.props[s] === true || isUnknown(b.props[s])));
  if (undecided) return [{ resource: undecided, cannotJudge: true, message: `Account public access block ${label(undecided)}: a setting is unknown until the update.` }];
  return [{ message: "No AccountPublicAccessBlock with all four settings true in the stack, and managedExternally is not set." }];
});
