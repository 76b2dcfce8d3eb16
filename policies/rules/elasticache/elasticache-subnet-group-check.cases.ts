import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticache/cluster:Cluster", {
  compliant: { "subnetGroupName cache-private": { "subnetGroupName": "cache-private" } },
  violating: { "subnetGroupName default": { "subnetGroupName": "default" }, "subnetGroupName unset (AWS default default)": {  } },
  notApplicable: { "member of a replication group": { "replicationGroupId": "rg" } },
  unknown: { "subnetGroupName unknown": { "subnetGroupName": UNKNOWN } },
});
