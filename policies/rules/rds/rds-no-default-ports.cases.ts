import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "custom port": { "engine": "postgres", "port": 15432 } },
  violating: { "default port unset": { "engine": "postgres" }, "3306 set": { "engine": "mysql", "port": 3306 } },
  notApplicable: { "engine without a table entry": { "engine": "db2-se", "port": 50000 } },
  unknown: { "port unknown": { "engine": "postgres", "port": UNKNOWN } },
});
