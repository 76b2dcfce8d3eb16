import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:msk/cluster:Cluster", {
  compliant: { "encryptionInfo.encryptionInTransit.inCluster true": { "encryptionInfo": { "encryptionInTransit": { "inCluster": true } } }, "encryptionInfo.encryptionInTransit.inCluster unset (AWS default true)": {  } },
  violating: { "encryptionInfo.encryptionInTransit.inCluster false": { "encryptionInfo": { "encryptionInTransit": { "inCluster": false } } } },
  unknown: { "encryptionInfo.encryptionInTransit.inCluster unknown": { "encryptionInfo": { "encryptionInTransit": { "inCluster": UNKNOWN } } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encryptionInfo.encryptionInTransit.inCluster true": "COMPLIANT",
  "encryptionInfo.encryptionInTransit.inCluster unset (AWS default true)": "COMPLIANT",
  "encryptionInfo.encryptionInTransit.inCluster false": "NON_COMPLIANT",
});
