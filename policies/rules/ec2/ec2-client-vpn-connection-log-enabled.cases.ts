import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ec2clientvpn/endpoint:Endpoint", {
  compliant: { "connectionLogOptions.enabled true": { "connectionLogOptions": { "enabled": true } } },
  violating: { "connectionLogOptions.enabled false": { "connectionLogOptions": { "enabled": false } }, "connectionLogOptions.enabled unset (AWS default false)": {  } },
  unknown: { "connectionLogOptions.enabled unknown": { "connectionLogOptions": { "enabled": UNKNOWN } } },
});
