// security-account-information-provided: The account has a security contact. (FSBP Account.1)
// An account setting: judged where a stack manages it; a stack without it is reported only when `required` is set
// (the account's baseline stack), so workload stacks are not failed for what another stack or the organization owns.
import { ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("security-account-information-provided", (resources, config) => {
  if (config.managedExternally) return [];
  const found = ofType(resources, ["aws:account/alternativeContact:AlternativeContact"]);
  if (found.length === 0 && !config.required) return [];
  const verdicts = found.map((r) => (isUnknown(r.props.alternateContactType) ? "unknown" : r.props.alternateContactType === "SECURITY" ? "ok" : "no"));
  if (verdicts.includes("ok")) return [];
  if (verdicts.includes("unknown")) return [{ cannotJudge: true as const, message: "The account setting's value is unknown until the update." }];
  return [{ message: "The account has no security contact in this stack: add aws.account.AlternativeContact of type SECURITY (or set managedExternally if another stack or the organization manages it)." }];
});
