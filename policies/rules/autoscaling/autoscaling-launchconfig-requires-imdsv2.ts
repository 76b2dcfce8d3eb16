// autoscaling-launchconfig-requires-imdsv2: launch configurations require IMDSv2 tokens.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("autoscaling-launchconfig-requires-imdsv2", (r) =>
  judgeKnown(r, ["metadataOptions.httpTokens"], () => (r.props.metadataOptions?.httpTokens === "required" ? [] : [`Launch configuration ${label(r)} does not require IMDSv2.`])),
);
