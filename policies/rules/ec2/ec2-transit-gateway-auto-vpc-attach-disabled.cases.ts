import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ec2transitgateway/transitGateway:TransitGateway", {
  compliant: { "autoAcceptSharedAttachments disable": { "autoAcceptSharedAttachments": "disable" }, "autoAcceptSharedAttachments unset": {  } },
  violating: { "autoAcceptSharedAttachments enable": { "autoAcceptSharedAttachments": "enable" } },
  unknown: { "autoAcceptSharedAttachments unknown": { "autoAcceptSharedAttachments": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "autoAcceptSharedAttachments disable": "COMPLIANT",
  "autoAcceptSharedAttachments unset": "COMPLIANT",
  "autoAcceptSharedAttachments enable": "NON_COMPLIANT",
});
