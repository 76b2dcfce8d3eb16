// lambda-function-public-access-prohibited: no permission makes a function's resource policy public, as AWS Config
// judges it: principal `*` unscoped, or Amazon S3 without a source account (bucket ARNs name no account). A function
// URL's authorizationType NONE is not the policy: without such a permission nobody can invoke it.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

const given = (v: unknown) => v !== undefined && v !== "";

export default resourceRule("lambda-function-public-access-prohibited", (r) =>
  judgeKnown(r, ["principal"], () => {
    // A scoping condition set from an unknown output still scopes the grant: presence is what counts.
    if (r.props.principal === "*" && !["sourceArn", "sourceAccount", "principalOrgId"].some((k) => given(r.props[k]))) return [`Permission ${label(r)} lets any principal invoke the function.`];
    if (r.props.principal === "s3.amazonaws.com" && !given(r.props.sourceAccount)) return [`Permission ${label(r)} lets Amazon S3 invoke the function for a bucket of any account: set sourceAccount to the bucket owner's account.`];
    return [];
  }),
);
