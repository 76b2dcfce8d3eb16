import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:appsync/graphQLApi:GraphQLApi", {
  compliant: { "logConfig.fieldLogLevel ERROR": { "logConfig": { "fieldLogLevel": "ERROR" } } },
  violating: { "logConfig.fieldLogLevel NONE": { "logConfig": { "fieldLogLevel": "NONE" } }, "logConfig.fieldLogLevel unset (AWS default NONE)": {  } },
  unknown: { "logConfig.fieldLogLevel unknown": { "logConfig": { "fieldLogLevel": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "logConfig.fieldLogLevel ERROR": "COMPLIANT",
  "logConfig.fieldLogLevel NONE": "NON_COMPLIANT",
  "logConfig.fieldLogLevel unset (AWS default NONE)": "NON_COMPLIANT",
});
