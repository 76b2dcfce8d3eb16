import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:dax/cluster:Cluster", {
  compliant: { "serverSideEncryption.enabled true": { "serverSideEncryption": { "enabled": true } } },
  violating: { "serverSideEncryption.enabled false": { "serverSideEncryption": { "enabled": false } }, "serverSideEncryption.enabled unset (AWS default false)": {  } },
  unknown: { "serverSideEncryption.enabled unknown": { "serverSideEncryption": { "enabled": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "serverSideEncryption.enabled true": "COMPLIANT",
  "serverSideEncryption.enabled false": "NON_COMPLIANT",
  "serverSideEncryption.enabled unset (AWS default false)": "NON_COMPLIANT",
});
