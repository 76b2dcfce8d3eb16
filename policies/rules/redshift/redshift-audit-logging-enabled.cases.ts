import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:redshift/cluster:Cluster";
const C = "aws:redshift/logging:Logging";

export default ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { clusterIdentifier: "t" }), res(C, "t-config", { clusterIdentifier: "t", logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog", "useractivitylog"] })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { clusterIdentifier: "t" })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { clusterIdentifier: "t" }), res(C, "t-config", { clusterIdentifier: UNKNOWN })] }],
});
