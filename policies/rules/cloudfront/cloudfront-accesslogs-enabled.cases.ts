import { BUCKET, DIST, fromOutputs, judgedByAwsConfig, res, ruleCases, STACK_REF_URN, UNKNOWN } from "../cases";

const logs = res(BUCKET, "cdn-logs", { bucket: UNKNOWN, bucketDomainName: UNKNOWN });
const cert = res("aws:acm/certificate:Certificate", "cdn-cert", { domainName: "example.com", arn: UNKNOWN });
const dist = (loggingConfig?: unknown) => res(DIST, "cdn", { enabled: true, ...(loggingConfig === undefined ? {} : { loggingConfig }) });

const cases = ruleCases({
  compliant: [
    { title: "logging bucket", input: [dist({ bucket: "logs.s3.amazonaws.com" })] },
    { title: "a bucket of this stack, its domain name unknown at preview", input: [logs, fromOutputs(dist({ bucket: UNKNOWN, includeCookies: false }), "loggingConfig", logs)] },
    { title: "a whole logging block unknown at preview, from a bucket of this stack", input: [logs, fromOutputs(dist(UNKNOWN), "loggingConfig", logs)] },
  ],
  violating: [
    { title: "no logging", input: [dist()], about: "cdn" },
    { title: "empty logging bucket", input: [dist({ bucket: "" })], about: "cdn" },
    { title: "no logging, beside a bucket of this stack", input: [logs, dist()], about: "cdn" },
  ],
  unknown: [
    { title: "bucket unknown, no dependency information", input: [logs, dist({ bucket: UNKNOWN })], about: "cdn", says: "loggingConfig.bucket" },
    { title: "whole logging block unknown, no dependency information", input: [dist(UNKNOWN)], about: "cdn" },
    { title: "bucket from another stack", input: [fromOutputs(dist({ bucket: UNKNOWN }), "loggingConfig", STACK_REF_URN)], about: "cdn" },
    { title: "bucket from a resource of this stack that is no bucket", input: [cert, fromOutputs(dist({ bucket: UNKNOWN }), "loggingConfig", cert)], about: "cdn", says: "S3 bucket" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "logging bucket": "COMPLIANT",
  "a bucket of this stack, its domain name unknown at preview": "COMPLIANT",
  "a whole logging block unknown at preview, from a bucket of this stack": "COMPLIANT",
  "no logging": "NON_COMPLIANT",
  "empty logging bucket": "NON_COMPLIANT",
  "no logging, beside a bucket of this stack": "NON_COMPLIANT",
});
