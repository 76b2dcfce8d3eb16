// lambda-function-public-access-prohibited: no permission makes a function's resource policy public, as AWS Config
// judges it: principal `*` unscoped, or Amazon S3 without a source account (bucket ARNs name no account). A function
// URL's authorizationType NONE is not the policy: without such a permission nobody can invoke it. A scoping condition
// unknown at preview scopes the grant only when it comes from a resource of this stack (its ARN or account, which AWS
// always fills); from another stack or none, whether it is set cannot be known.
import { label, ofType, programValue, referenceSet } from "../../helpers";
import { isUnknown, stackRule, StackViolation } from "../../model";

export default stackRule("lambda-function-public-access-prohibited", (resources) => {
  const out: StackViolation[] = [];
  for (const p of ofType(resources, ["aws:lambda/permission:Permission"])) {
    const principal = programValue(p, "principal");
    const others = resources.filter((r) => r !== p);
    /** Whether one of the conditions scopes the grant: true, false, or "unknown" when none visibly does but one may. */
    const scoped = (conditions: readonly string[]) => {
      const set = conditions.map((c) => referenceSet(p, c, others));
      return set.includes(true) || (set.includes("unknown") ? "unknown" : false);
    };
    const judge = (verdict: boolean | "unknown", violation: string, conditions: string) => {
      if (verdict === false) out.push({ resource: p, message: violation });
      if (verdict === "unknown") out.push({ resource: p, cannotJudge: true, message: `Permission ${label(p)}: its ${conditions} is unknown until the update and comes from no resource of this stack, so whether it scopes the grant cannot be known.` });
    };
    if (isUnknown(principal)) out.push({ resource: p, cannotJudge: true, message: `Permission ${label(p)}: principal is unknown until the update.` });
    else if (principal === "*") judge(scoped(["sourceArn", "sourceAccount", "principalOrgId"]), `Permission ${label(p)} lets any principal invoke the function.`, "sourceArn, sourceAccount or principalOrgId");
    else if (principal === "s3.amazonaws.com") judge(scoped(["sourceAccount"]), `Permission ${label(p)} lets Amazon S3 invoke the function for a bucket of any account: set sourceAccount to the bucket owner's account.`, "sourceAccount");
  }
  return out;
});
