import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "HTTPS": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }] } },
  violating: { "HTTP": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 80, "lbProtocol": "http" }] } },
  unknown: { "protocol unknown": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 80, "lbProtocol": UNKNOWN }] } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "HTTPS": "COMPLIANT",
  "HTTP": "NON_COMPLIANT",
});
