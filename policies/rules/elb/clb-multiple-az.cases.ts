import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "two subnets": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }], "subnets": ["subnet-a", "subnet-b"] } },
  violating: { "one zone": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }], "availabilityZones": ["us-east-1a"] } },
  unknown: { "subnets unknown": { "listeners": [{ "instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/c" }], "subnets": UNKNOWN } },
});
