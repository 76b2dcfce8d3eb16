import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:sfn/stateMachine:StateMachine", {
  compliant: { "loggingConfiguration.level ERROR": { "loggingConfiguration": { "level": "ERROR" } } },
  violating: { "loggingConfiguration.level OFF": { "loggingConfiguration": { "level": "OFF" } }, "loggingConfiguration.level unset (AWS default OFF)": {  } },
  unknown: { "loggingConfiguration.level unknown": { "loggingConfiguration": { "level": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "loggingConfiguration.level ERROR": "COMPLIANT",
  "loggingConfiguration.level OFF": "NON_COMPLIANT",
  "loggingConfiguration.level unset (AWS default OFF)": "NON_COMPLIANT",
});
