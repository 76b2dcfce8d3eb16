import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "protocol unknown at preview, ACM certificate": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": UNKNOWN, "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }] }, "ACM certificate": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }] } },
  violating: { "IAM certificate": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:iam::123456789012:server-certificate/c" }] } },
  notApplicable: { "TCP only": { "listeners": [{ "instancePort": 22, "instanceProtocol": "tcp", "lbPort": 22, "lbProtocol": "tcp" }] } },
  unknown: { "protocol unknown at preview (it may be HTTPS), IAM certificate": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": UNKNOWN, "sslCertificateId": "arn:aws:iam::123456789012:server-certificate/c" }] }, "certificate unknown": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": UNKNOWN }] } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "ACM certificate": "COMPLIANT",
  "IAM certificate": "NON_COMPLIANT",
  "TCP only": "NOT_APPLICABLE",
});
