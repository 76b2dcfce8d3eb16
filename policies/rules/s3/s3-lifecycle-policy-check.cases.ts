import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:s3/bucket:Bucket";
const C = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";

export default ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { bucket: "t" }), res(C, "t-config", { bucket: "t", rules: [{ id: "expire", status: "Enabled", expiration: { days: 365 } }] })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { bucket: "t" })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { bucket: "t" }), res(C, "t-config", { bucket: UNKNOWN, rules: [] })] }],
});
