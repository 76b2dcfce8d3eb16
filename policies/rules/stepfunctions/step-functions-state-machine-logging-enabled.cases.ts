import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:sfn/stateMachine:StateMachine", {
  compliant: { "loggingConfiguration.level ERROR": { "loggingConfiguration": { "level": "ERROR" } } },
  violating: { "loggingConfiguration.level OFF": { "loggingConfiguration": { "level": "OFF" } }, "loggingConfiguration.level unset (AWS default OFF)": {  } },
  unknown: { "loggingConfiguration.level unknown": { "loggingConfiguration": { "level": UNKNOWN } } },
});
