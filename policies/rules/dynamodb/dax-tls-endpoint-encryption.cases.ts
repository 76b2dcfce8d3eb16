import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:dax/cluster:Cluster", {
  compliant: { "clusterEndpointEncryptionType TLS": { "clusterEndpointEncryptionType": "TLS" } },
  violating: { "clusterEndpointEncryptionType NONE": { "clusterEndpointEncryptionType": "NONE" }, "clusterEndpointEncryptionType unset (AWS default NONE)": {  } },
  unknown: { "clusterEndpointEncryptionType unknown": { "clusterEndpointEncryptionType": UNKNOWN } },
});
