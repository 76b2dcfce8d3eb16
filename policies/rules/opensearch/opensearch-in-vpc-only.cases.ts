import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:opensearch/domain:Domain", {
  compliant: { "vpcOptions.subnetIds set": { "vpcOptions": { "subnetIds": ["subnet-0abc"] } } },
  violating: { "vpcOptions.subnetIds unset": {  } },
  unknown: { "vpcOptions.subnetIds unknown": { "vpcOptions": { "subnetIds": UNKNOWN } } },
});
