import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "two subnets": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }], "subnets": ["subnet-a", "subnet-b"] } },
  violating: { "one zone": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }], "availabilityZones": ["us-east-1a"] } },
  unknown: { "subnets unknown": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }], "subnets": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "two subnets": "COMPLIANT",
  "one zone": "NON_COMPLIANT",
});
