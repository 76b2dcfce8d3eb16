import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:appsync/graphQLApi:GraphQLApi", {
  compliant: { "logConfig.fieldLogLevel ERROR": { "logConfig": { "fieldLogLevel": "ERROR" } } },
  violating: { "logConfig.fieldLogLevel NONE": { "logConfig": { "fieldLogLevel": "NONE" } }, "logConfig.fieldLogLevel unset (AWS default NONE)": {  } },
  unknown: { "logConfig.fieldLogLevel unknown": { "logConfig": { "fieldLogLevel": UNKNOWN } } },
});
