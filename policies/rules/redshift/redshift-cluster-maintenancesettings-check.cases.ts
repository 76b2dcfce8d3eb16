import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "allowVersionUpgrade true": { "allowVersionUpgrade": true }, "allowVersionUpgrade unset (AWS default true)": {  } },
  violating: { "allowVersionUpgrade false": { "allowVersionUpgrade": false } },
  unknown: { "allowVersionUpgrade unknown": { "allowVersionUpgrade": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "allowVersionUpgrade true": "COMPLIANT",
  "allowVersionUpgrade unset (AWS default true)": "COMPLIANT",
  "allowVersionUpgrade false": "NON_COMPLIANT",
});
