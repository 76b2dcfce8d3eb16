import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticbeanstalk/environment:Environment", {
  compliant: { "set": { "application": "app", "settings": [{ "namespace": "aws:elasticbeanstalk:cloudwatch:logs", "name": "StreamLogs", "value": "true" }] } },
  violating: { "not set": { "application": "app" } },
  unknown: { "value unknown": { "application": "app", "settings": [{ "namespace": "aws:elasticbeanstalk:cloudwatch:logs", "name": "StreamLogs", "value": UNKNOWN }] } },
});
