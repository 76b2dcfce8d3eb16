// ec2-imdsv2-check: instances and launch templates require IMDSv2 tokens.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("ec2-imdsv2-check", (r) => {
  const tokens = r.props.metadataOptions?.httpTokens;
  if (isUnknown(r.props.metadataOptions) || isUnknown(tokens) || tokens === "required") return [];
  if (r.props.metadataOptions?.httpEndpoint === "disabled") return [];
  return [`${label(r)} does not require IMDSv2 (metadataOptions.httpTokens is ${tokens ?? "unset"}).`];
});
