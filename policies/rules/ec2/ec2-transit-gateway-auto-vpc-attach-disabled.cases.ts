import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ec2transitgateway/transitGateway:TransitGateway", {
  compliant: { "autoAcceptSharedAttachments disable": { "autoAcceptSharedAttachments": "disable" }, "autoAcceptSharedAttachments unset": {  } },
  violating: { "autoAcceptSharedAttachments enable": { "autoAcceptSharedAttachments": "enable" } },
  unknown: { "autoAcceptSharedAttachments unknown": { "autoAcceptSharedAttachments": UNKNOWN } },
});
