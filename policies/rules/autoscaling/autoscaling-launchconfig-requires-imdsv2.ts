// autoscaling-launchconfig-requires-imdsv2: launch configurations require IMDSv2 tokens.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("autoscaling-launchconfig-requires-imdsv2", (r) => {
  const tokens = r.props.metadataOptions?.httpTokens;
  return tokens === "required" || isUnknown(tokens) || isUnknown(r.props.metadataOptions) ? [] : [`Launch configuration ${label(r)} does not require IMDSv2.`];
});
