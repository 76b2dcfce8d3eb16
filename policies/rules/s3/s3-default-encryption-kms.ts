// s3-default-encryption-kms: every bucket's default encryption is SSE-KMS, with an allowed key when a list is given.
import { label, ofType, T } from "../../helpers";
import { isUnknown, stackRule, StackViolation } from "../../model";
import { encryptionRules, isLogTarget, logTargets, NO_LOG_TARGETS } from "../../s3";

const KMS = ["aws:kms", "aws:kms:dsse"];

/** A key reference matches an allowed entry by full ARN, key id or alias. */
const keyAllowed = (key: string, allowed: string[]) => allowed.some((a) => a === key || key.endsWith(`/${a}`) || a.endsWith(`/${key}`));

export default stackRule("s3-default-encryption-kms", (resources, config) => {
  const allowed: string[] = config.allowedKmsKeyArns;
  // S3 server access logs and ELB access logs are delivered only to SSE-S3 buckets: AES256 is right there.
  const sseS3Only = config.exemptLogTargets === false ? NO_LOG_TARGETS : logTargets(resources, "sse-s3-only");
  const out: StackViolation[] = [];
  for (const bucket of ofType(resources, T.bucket)) {
    const { rules, unknown } = encryptionRules(bucket, resources);
    const defaults = rules.map((r) => r?.applyServerSideEncryptionByDefault).filter((d) => d !== undefined && d !== null);
    const undecided = (what: string) => out.push({ resource: bucket, cannotJudge: true, message: `Bucket ${label(bucket)}: ${what} is unknown until the update.` });
    if (defaults.some((d) => isUnknown(d) || isUnknown(d.sseAlgorithm))) {
      undecided("its default encryption algorithm");
      continue;
    }
    const kms = defaults.filter((d) => KMS.includes(d.sseAlgorithm));
    if (kms.length === 0) {
      const sseS3 = defaults.some((d) => d.sseAlgorithm === "AES256");
      const target = isLogTarget(bucket, sseS3Only);
      if (sseS3 && target === true) continue;
      if (unknown || (sseS3 && target === "unknown")) {
        undecided("its default encryption configuration");
        continue;
      }
      const what = defaults.length ? `uses ${defaults.map((d) => d.sseAlgorithm).join(", ")}` : "has no default encryption configuration";
      out.push({ resource: bucket, message: `Bucket ${label(bucket)} ${what}; SSE-KMS (aws:kms) is required.` });
    } else if (allowed.length > 0 && kms.some((d) => isUnknown(d.kmsMasterKeyId))) {
      undecided("its KMS key");
    } else if (allowed.length > 0 && !kms.some((d) => typeof d.kmsMasterKeyId === "string" && keyAllowed(d.kmsMasterKeyId, allowed))) {
      out.push({ resource: bucket, message: `Bucket ${label(bucket)} is encrypted with a KMS key that is not in allowedKmsKeyArns.` });
    }
  }
  return out;
});
