// s3-bucket-ssl-requests-only: every bucket's policy denies requests without TLS (aws:SecureTransport false).
import { isPublicPrincipal, label, list, ofType, T } from "../../helpers";
import { stackRule, StackViolation } from "../../model";
import { bucketPolicyStatements } from "../../s3";

/** Deny to everyone of all S3 actions when aws:SecureTransport is false. */
function deniesInsecureTransport(statement: any): boolean {
  if (statement?.Effect !== "Deny" || !isPublicPrincipal(statement.Principal)) return false;
  const actions = list(statement.Action).map((a) => a.toLowerCase());
  if (!actions.some((a) => a === "s3:*" || a === "*")) return false;
  const bool = statement.Condition?.Bool ?? statement.Condition?.bool;
  const value = bool?.["aws:SecureTransport"] ?? bool?.["aws:securetransport"];
  return list(value).concat(typeof value === "boolean" ? [String(value)] : []).some((v) => v.toLowerCase() === "false");
}

export default stackRule("s3-bucket-ssl-requests-only", (resources) => {
  const out: StackViolation[] = [];
  for (const bucket of ofType(resources, T.bucket)) {
    const { statements, unknown } = bucketPolicyStatements(bucket, resources);
    if (statements.some((s) => deniesInsecureTransport(s.statement))) continue;
    if (unknown) out.push({ resource: bucket, cannotJudge: true, message: `Bucket ${label(bucket)}: its bucket policy is unknown until the update.` });
    else out.push({ resource: bucket, message: `Bucket ${label(bucket)} has no bucket policy statement denying requests with aws:SecureTransport false.` });
  }
  return out;
});
