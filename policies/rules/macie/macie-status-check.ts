// macie-status-check: Amazon Macie is enabled. (FSBP Macie.1)
// An account setting: judged where a stack manages it; a stack without it is reported only when `required` is set
// (the account's baseline stack), so workload stacks are not failed for what another stack or the organization owns.
import { ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("macie-status-check", (resources, config) => {
  if (config.managedExternally) return [];
  const found = ofType(resources, ["aws:macie2/account:Account"]);
  if (found.length === 0 && !config.required) return [];
  const verdicts = found.map((r) => (isUnknown(r.props.status) ? "unknown" : (r.props.status ?? "ENABLED") === "ENABLED" ? "ok" : "no"));
  if (verdicts.includes("ok")) return [];
  if (verdicts.includes("unknown")) return [{ cannotJudge: true as const, message: "The account setting's value is unknown until the update." }];
  return [{ message: "Amazon Macie is not enabled in this stack: add aws.macie2.Account (or set managedExternally if another stack or the organization manages it)." }];
});
