import { KEY_ARN, settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:eks/cluster:Cluster", {
  compliant: { "secrets encrypted": { encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY_ARN } } } },
  violating: { "no encryption config": {} },
  unknown: { "resources unknown": { encryptionConfig: { resources: UNKNOWN, provider: { keyArn: KEY_ARN } } } },
});
