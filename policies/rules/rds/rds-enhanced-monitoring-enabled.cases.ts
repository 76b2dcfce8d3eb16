import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "monitoringInterval 1": { "monitoringInterval": 1 } },
  violating: { "monitoringInterval 0": { "monitoringInterval": 0 }, "monitoringInterval unset (AWS default 0)": {  } },
  unknown: { "monitoringInterval unknown": { "monitoringInterval": UNKNOWN } },
});
