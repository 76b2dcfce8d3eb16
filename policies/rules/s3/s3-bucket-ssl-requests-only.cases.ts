import { BUCKET, doc, judgedByAwsConfig, replace, res, ruleCases, secureBucket, tlsOnlyPolicy, UNKNOWN, without } from "../cases";

const TLS_DENY = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::data", "arn:aws:s3:::data/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } };
const withPolicy = (statement: Record<string, unknown>) => replace(secureBucket("data"), "data-policy", { policy: doc(statement) });

const cases = ruleCases({
  unknown: [{ title: "the bucket policy from an unknown output (a policy document built from ARNs)", input: replace(secureBucket("data"), "data-policy", { policy: UNKNOWN }), about: "data" },],
    compliant: [
      { title: "TLS-only BucketPolicy", input: secureBucket("data") },
      { title: "inline TLS-only policy", input: [res(BUCKET, "old", { bucket: "old", policy: tlsOnlyPolicy("old") })] },
      { title: "Action \"*\", principal {AWS: \"*\"}, the condition as a JSON boolean", input: withPolicy({ Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: "arn:aws:s3:::data/*", Condition: { Bool: { "aws:SecureTransport": false } } }) },
      { title: "upper-case action, lower-case condition key, the value in a list", input: withPolicy({ Effect: "Deny", Principal: "*", Action: ["S3:*"], Resource: "arn:aws:s3:::data/*", Condition: { Bool: { "aws:securetransport": ["false"] } } }) },
    ],
    violating: [
      { title: "no policy", input: without(secureBucket("data"), "data-policy"), about: "data" },
      { title: "the TLS statement allows instead of denying", input: withPolicy({ ...TLS_DENY, Effect: "Allow" }), about: "data" },
      { title: "the TLS deny names one principal, not everyone", input: withPolicy({ ...TLS_DENY, Principal: { AWS: "arn:aws:iam::123456789012:root" } }), about: "data" },
      { title: "the TLS deny covers one action only", input: withPolicy({ ...TLS_DENY, Action: ["s3:GetObject", "s3:PutObject"] }), about: "data" },
      { title: "the deny is for aws:SecureTransport true", input: withPolicy({ ...TLS_DENY, Condition: { Bool: { "aws:SecureTransport": "true" } } }), about: "data" },
      { title: "the deny has no Bool condition", input: withPolicy({ ...TLS_DENY, Condition: { StringEquals: { "aws:SecureTransport": "false" } } }), about: "data" },
      { title: "policy without the SecureTransport deny", input: replace(secureBucket("data"), "data-policy", { policy: doc({ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: "arn:aws:s3:::data" }) }), about: "data" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "TLS-only BucketPolicy": "COMPLIANT",
  "inline TLS-only policy": "COMPLIANT",
  "Action \"*\", principal {AWS: \"*\"}, the condition as a JSON boolean": "COMPLIANT",
  "upper-case action, lower-case condition key, the value in a list": "COMPLIANT",
  "no policy": "NON_COMPLIANT",
  "the TLS statement allows instead of denying": "NON_COMPLIANT",
  "the TLS deny names one principal, not everyone": "NON_COMPLIANT",
  "the TLS deny covers one action only": "NON_COMPLIANT",
  "the deny is for aws:SecureTransport true": "NON_COMPLIANT",
  "the deny has no Bool condition": "NON_COMPLIANT",
  "policy without the SecureTransport deny": "NON_COMPLIANT",
});
