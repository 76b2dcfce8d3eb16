import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:dax/cluster:Cluster", {
  compliant: { "clusterEndpointEncryptionType TLS": { "clusterEndpointEncryptionType": "TLS" } },
  violating: { "clusterEndpointEncryptionType NONE": { "clusterEndpointEncryptionType": "NONE" }, "clusterEndpointEncryptionType unset (AWS default NONE)": {  } },
  unknown: { "clusterEndpointEncryptionType unknown": { "clusterEndpointEncryptionType": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "clusterEndpointEncryptionType TLS": "COMPLIANT",
  "clusterEndpointEncryptionType NONE": "NON_COMPLIANT",
  "clusterEndpointEncryptionType unset (AWS default NONE)": "NON_COMPLIANT",
});
