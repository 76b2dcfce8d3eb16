// cw-loggroup-retention-period-check: log groups keep events at least minRetentionDays; "never expire" complies, as
// the AWS Config rule documents.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("cw-loggroup-retention-period-check", (r, config) =>
  judgeKnown(r, ["retentionInDays"], () => {
    const days = r.props.retentionInDays;
    const min: number = config.minRetentionDays ?? 1;
    // Unset or 0: events never expire, longer than any minimum.
    if (typeof days !== "number" || days === 0) return [];
    return days < min ? [`Log group ${label(r)} keeps events ${days} days, less than ${min}.`] : [];
  }),
);
