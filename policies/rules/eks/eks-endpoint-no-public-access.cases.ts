import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:eks/cluster:Cluster", {
  compliant: { "private endpoint": { vpcConfig: { subnetIds: ["s"], endpointPublicAccess: false, endpointPrivateAccess: true } } },
  violating: { "default (public)": { vpcConfig: { subnetIds: ["s"] } }, "public": { vpcConfig: { subnetIds: ["s"], endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } } },
  unknown: { "flag unknown": { vpcConfig: { subnetIds: ["s"], endpointPublicAccess: UNKNOWN } } },
});
