// iam-password-policy: The account's IAM password policy is strong: at least 14 characters with upper and lower case letters, numbers and symbols, 24 passwords remembered, at most 90 days. (FSBP IAM.7, IAM.10)
// An account setting: judged where a stack manages it; a stack without it is reported only when `required` is set
// (the account's baseline stack), so workload stacks are not failed for what another stack or the organization owns.
import { ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("iam-password-policy", (resources, config) => {
  if (config.managedExternally) return [];
  const found = ofType(resources, ["aws:iam/accountPasswordPolicy:AccountPasswordPolicy"]);
  if (found.length === 0 && !config.required) return [];
  const verdicts = found.map((r) => (["minimumPasswordLength", "requireUppercaseCharacters", "requireLowercaseCharacters", "requireNumbers", "requireSymbols", "passwordReusePrevention", "maxPasswordAge"].some((k) => isUnknown(r.props[k])) ? "unknown" : (r.props.minimumPasswordLength ?? 0) >= 14 && r.props.requireUppercaseCharacters === true && r.props.requireLowercaseCharacters === true && r.props.requireNumbers === true && r.props.requireSymbols === true && (r.props.passwordReusePrevention ?? 0) >= 24 && (r.props.maxPasswordAge ?? 0) > 0 && r.props.maxPasswordAge <= 90 ? "ok" : "no"));
  if (verdicts.includes("ok")) return [];
  if (verdicts.includes("unknown")) return [{ cannotJudge: true as const, message: "The account setting's value is unknown until the update." }];
  return [{ message: "The account has no strong IAM password policy in this stack: add aws.iam.AccountPasswordPolicy (14+ characters, four character classes, 24 remembered, 90 days) (or set managedExternally if another stack or the organization manages it)." }];
});
