// ec2-imdsv2-check: instances and launch templates require IMDSv2 tokens.
import { is, label, T } from "../../helpers";
import { resourceRule } from "../../model";
import { cannotJudge, firstUnknown, valueAt } from "../../preview";

export default resourceRule("ec2-imdsv2-check", (r) => {
  const tokens = valueAt(r.props, "metadataOptions.httpTokens");
  // Either known fact settles it, whatever the other value turns out to be.
  if (tokens === "required" || valueAt(r.props, "metadataOptions.httpEndpoint") === "disabled") return [];
  const unknown = firstUnknown(r, ["metadataOptions.httpTokens", "metadataOptions.httpEndpoint"]);
  if (unknown) return [cannotJudge(`${label(r)}: ${unknown} is unknown until the update.`)];
  if (tokens === undefined && is(r, T.instance)) {
    // An instance without the setting takes its AMI's default (imdsSupport v2.0 requires tokens, as Amazon Linux 2023
    // images do) or the account's instance metadata defaults: its inputs cannot tell which.
    return [cannotJudge(`${label(r)} leaves metadataOptions.httpTokens to its AMI's imdsSupport and the account's metadata defaults; set it to "required" to make it certain.`)];
  }
  // A launch template states the setting for every instance it launches: unset is non-compliant, as AWS Config's
  // ec2-launch-template-imdsv2-check judges it.
  return [`${label(r)} does not require IMDSv2 (metadataOptions.httpTokens is ${String(tokens ?? "unset")}).`];
});
