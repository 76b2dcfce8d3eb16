import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:msk/cluster:Cluster", {
  compliant: { "encryptionInfo.encryptionInTransit.inCluster true": { "encryptionInfo": { "encryptionInTransit": { "inCluster": true } } }, "encryptionInfo.encryptionInTransit.inCluster unset (AWS default true)": {  } },
  violating: { "encryptionInfo.encryptionInTransit.inCluster false": { "encryptionInfo": { "encryptionInTransit": { "inCluster": false } } } },
  unknown: { "encryptionInfo.encryptionInTransit.inCluster unknown": { "encryptionInfo": { "encryptionInTransit": { "inCluster": UNKNOWN } } } },
});
