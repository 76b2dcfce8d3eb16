import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:s3/bucket:Bucket";
const C = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";

export default ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { bucket: "t", versioning: { enabled: true } }), res(C, "t-config", { bucket: "t", rules: [{ id: "old-versions", status: "Enabled", noncurrentVersionExpiration: { noncurrentDays: 90 } }] })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { bucket: "t", versioning: { enabled: true } })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }, { title: "unversioned bucket", input: [res(T, "t", { bucket: "u" })] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { bucket: "t", versioning: { enabled: true } }), res(C, "t-config", { bucket: UNKNOWN, rules: [] })] }],
});
