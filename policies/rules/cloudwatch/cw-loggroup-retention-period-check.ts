// cw-loggroup-retention-period-check: log groups keep events for an explicit period of at least minRetentionDays.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("cw-loggroup-retention-period-check", (r, config) => {
  const days = r.props.retentionInDays;
  const min: number = config.minRetentionDays ?? 1;
  if (isUnknown(days)) return [];
  if (typeof days !== "number" || days === 0) return [`Log group ${label(r)} has no retentionInDays (events never expire).`];
  return days < min ? [`Log group ${label(r)} keeps events ${days} days, less than ${min}.`] : [];
});
