// guardduty-s3-protection-enabled: GuardDuty S3 Protection is enabled. (FSBP GuardDuty.10)
// An account setting: judged where a stack manages it; a stack without it is reported only when `required` is set
// (the account's baseline stack), so workload stacks are not failed for what another stack or the organization owns.
import { ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("guardduty-s3-protection-enabled", (resources, config) => {
  if (config.managedExternally) return [];
  const found = ofType(resources, ["aws:guardduty/detectorFeature:DetectorFeature"]);
  if (found.length === 0 && !config.required) return [];
  const verdicts = found.map((r) => (isUnknown(r.props.name) || isUnknown(r.props.status) ? "unknown" : r.props.name === "S3_DATA_EVENTS" && r.props.status === "ENABLED" ? "ok" : "no"));
  if (verdicts.includes("ok")) return [];
  if (verdicts.includes("unknown")) return [{ cannotJudge: true as const, message: "The account setting's value is unknown until the update." }];
  return [{ message: "GuardDuty S3 Protection is not enabled in this stack: add aws.guardduty.DetectorFeature S3_DATA_EVENTS (or set managedExternally if another stack or the organization manages it)." }];
});
