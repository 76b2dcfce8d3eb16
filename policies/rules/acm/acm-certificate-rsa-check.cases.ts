import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:acm/certificate:Certificate", {
  compliant: { "keyAlgorithm RSA_2048": { "domainName": "example.com", "validationMethod": "DNS", "keyAlgorithm": "RSA_2048" }, "keyAlgorithm unset": { "domainName": "example.com", "validationMethod": "DNS" } },
  violating: { "keyAlgorithm RSA_1024": { "domainName": "example.com", "validationMethod": "DNS", "keyAlgorithm": "RSA_1024" } },
  unknown: { "keyAlgorithm unknown": { "domainName": "example.com", "validationMethod": "DNS", "keyAlgorithm": UNKNOWN } },
});
