import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:s3/bucket:Bucket";
const C = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

export default ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { bucket: "t" }), res(C, "t-config", { bucket: "t", role: "arn:aws:iam::123456789012:role/r", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::t-replica" } }] })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { bucket: "t" })], about: "t" }, { title: "configuration not accepted", input: [res(T, "t", { bucket: "t" }), res(C, "t-config", { bucket: "t", role: "arn:aws:iam::123456789012:role/r", rules: [{ status: "Disabled", destination: { bucket: "arn:aws:s3:::t-replica" } }] })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { bucket: "t" }), res(C, "t-config", { bucket: UNKNOWN, role: "r", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::x" } }] })] }],
});
