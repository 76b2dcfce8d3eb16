import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elasticache/replicationGroup:ReplicationGroup", {
  compliant: { "automaticFailoverEnabled true": { "automaticFailoverEnabled": true } },
  violating: { "automaticFailoverEnabled false": { "automaticFailoverEnabled": false }, "automaticFailoverEnabled unset (AWS default false)": {  } },
  unknown: { "automaticFailoverEnabled unknown": { "automaticFailoverEnabled": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "automaticFailoverEnabled true": "COMPLIANT",
  "automaticFailoverEnabled false": "NON_COMPLIANT",
  "automaticFailoverEnabled unset (AWS default false)": "NON_COMPLIANT",
});
