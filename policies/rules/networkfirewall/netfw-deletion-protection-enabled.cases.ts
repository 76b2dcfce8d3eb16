import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:networkfirewall/firewall:Firewall", {
  compliant: { "deleteProtection true": { "deleteProtection": true } },
  violating: { "deleteProtection false": { "deleteProtection": false }, "deleteProtection unset (AWS default false)": {  } },
  unknown: { "deleteProtection unknown": { "deleteProtection": UNKNOWN } },
});
