import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticbeanstalk/environment:Environment", {
  compliant: { "set": { "application": "app", "settings": [{ "namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": "enhanced" }] } },
  violating: { "not set": { "application": "app" } },
  unknown: { "value unknown": { "application": "app", "settings": [{ "namespace": "aws:elasticbeanstalk:healthreporting:system", "name": "SystemType", "value": UNKNOWN }] } },
});
