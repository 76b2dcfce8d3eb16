// emr-block-public-access: Amazon EMR block public access is on (only port 22 may be an exception). (FSBP EMR.2)
// An account setting: judged where a stack manages it; a stack without it is reported only when `required` is set
// (the account's baseline stack), so workload stacks are not failed for what another stack or the organization owns.
import { ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("emr-block-public-access", (resources, config) => {
  if (config.managedExternally) return [];
  const found = ofType(resources, ["aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration"]);
  if (found.length === 0 && !config.required) return [];
  const verdicts = found.map((r) => (isUnknown(r.props.blockPublicSecurityGroupRules) ? "unknown" : r.props.blockPublicSecurityGroupRules === true ? "ok" : "no"));
  if (verdicts.includes("ok")) return [];
  if (verdicts.includes("unknown")) return [{ cannotJudge: true as const, message: "The account setting's value is unknown until the update." }];
  return [{ message: "EMR block public access is not on in this stack: add aws.emr.BlockPublicAccessConfiguration with blockPublicSecurityGroupRules true (or set managedExternally if another stack or the organization manages it)." }];
});
