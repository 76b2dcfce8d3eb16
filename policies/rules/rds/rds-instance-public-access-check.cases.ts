import { res, ruleCases, UNKNOWN } from "../cases";

export default ruleCases({
  compliant: [{ title: "private", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: false }) }],
  violating: [
    { title: "public", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: true }), about: "db" },
    { title: "public instance of an Aurora cluster", input: res("aws:rds/clusterInstance:ClusterInstance", "writer", { clusterIdentifier: "analytics", publiclyAccessible: true }), about: "writer" },
  ],
  unknown: [{ title: "publiclyAccessible from an unknown output", input: res("aws:rds/instance:Instance", "db", { publiclyAccessible: UNKNOWN }), about: "db" }],
});
