import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "nodeToNodeEncryption.enabled true": { "nodeToNodeEncryption": { "enabled": true } } },
  violating: { "nodeToNodeEncryption.enabled false": { "nodeToNodeEncryption": { "enabled": false } }, "nodeToNodeEncryption.enabled unset (AWS default false)": {  } },
  unknown: { "nodeToNodeEncryption.enabled unknown": { "nodeToNodeEncryption": { "enabled": UNKNOWN } } },
});
