// s3-account-level-public-access-blocks-periodic: the account-level S3 Block Public Access is on, here or managed externally.
import { ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export default stackRule("s3-account-level-public-access-blocks-periodic", (resources, config) => {
  if (config.managedExternally) return [];
  const blocks = ofType(resources, ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"]);
  if (blocks.some((b) => SETTINGS.every((s) => b.props[s] === true || isUnknown(b.props[s])))) return [];
  return [{ message: "No AccountPublicAccessBlock with all four settings true in the stack, and managedExternally is not set." }];
});
