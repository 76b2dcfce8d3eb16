import { BUCKET, doc, replace, res, ruleCases, secureBucket, tlsOnlyPolicy, without } from "../cases";

export default ruleCases({
    compliant: [
      { title: "TLS-only BucketPolicy", input: secureBucket("data") },
      { title: "inline TLS-only policy", input: [res(BUCKET, "old", { bucket: "old", policy: tlsOnlyPolicy("old") })] },
    ],
    violating: [
      { title: "no policy", input: without(secureBucket("data"), "data-policy"), about: "data" },
      { title: "policy without the SecureTransport deny", input: replace(secureBucket("data"), "data-policy", { policy: doc({ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket", Resource: "arn:aws:s3:::data" }) }), about: "data" },
    ],
  });
