import { DIST, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "logging bucket", input: res(DIST, "cdn", { loggingConfig: { bucket: "logs.s3.amazonaws.com" } }) }],
    violating: [{ title: "no logging", input: res(DIST, "cdn", {}), about: "cdn" }],
  });
