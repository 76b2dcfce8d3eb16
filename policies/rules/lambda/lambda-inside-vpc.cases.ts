import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:lambda/function:Function", {
  compliant: { "vpcConfig.subnetIds set": { "vpcConfig": { "subnetIds": ["subnet-0abc"] } } },
  violating: { "vpcConfig.subnetIds unset": {  } },
  unknown: { "vpcConfig.subnetIds unknown": { "vpcConfig": { "subnetIds": UNKNOWN } } },
});
