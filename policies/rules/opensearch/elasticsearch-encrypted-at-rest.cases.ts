import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "encryptAtRest.enabled true": { "encryptAtRest": { "enabled": true } } },
  violating: { "encryptAtRest.enabled false": { "encryptAtRest": { "enabled": false } }, "encryptAtRest.enabled unset (AWS default false)": {  } },
  unknown: { "encryptAtRest.enabled unknown": { "encryptAtRest": { "enabled": UNKNOWN } } },
});
