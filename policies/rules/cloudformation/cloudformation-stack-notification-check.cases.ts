import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:cloudformation/stack:Stack", {
  compliant: { "notificationArns set": { "notificationArns": ["arn:aws:sns:us-east-1:123456789012:stack-events"] } },
  violating: { "notificationArns unset": {  } },
  unknown: { "notificationArns unknown": { "notificationArns": UNKNOWN } },
});
