// cw-loggroup-retention-period-check: log groups keep events for an explicit period of at least minRetentionDays.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("cw-loggroup-retention-period-check", (r, config) =>
  judgeKnown(r, ["retentionInDays"], () => {
    const days = r.props.retentionInDays;
    const min: number = config.minRetentionDays ?? 1;
    if (typeof days !== "number" || days === 0) return [`Log group ${label(r)} has no retentionInDays (events never expire).`];
    return days < min ? [`Log group ${label(r)} keeps events ${days} days, less than ${min}.`] : [];
  }),
);
