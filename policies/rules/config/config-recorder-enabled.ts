// config-recorder-enabled: AWS Config records resources (a recorder that is on). (FSBP Config.1)
// An account setting: judged where a stack manages it; a stack without it is reported only when `required` is set
// (the account's baseline stack), so workload stacks are not failed for what another stack or the organization owns.
import { ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("config-recorder-enabled", (resources, config) => {
  if (config.managedExternally) return [];
  const found = ofType(resources, ["aws:cfg/recorderStatus:RecorderStatus"]);
  if (found.length === 0 && !config.required) return [];
  const verdicts = found.map((r) => (isUnknown(r.props.isEnabled) ? "unknown" : r.props.isEnabled === true ? "ok" : "no"));
  if (verdicts.includes("ok")) return [];
  if (verdicts.includes("unknown")) return [{ cannotJudge: true as const, message: "The account setting's value is unknown until the update." }];
  return [{ message: "AWS Config is not recording in this stack: add aws.cfg.Recorder with a RecorderStatus that is enabled (or set managedExternally if another stack or the organization manages it)." }];
});
