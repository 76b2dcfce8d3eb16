import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:eks/cluster:Cluster", {
  compliant: { "private endpoint": { vpcConfig: { subnetIds: ["s"], endpointPublicAccess: false, endpointPrivateAccess: true } } },
  violating: { "default (public)": { vpcConfig: { subnetIds: ["s"] } }, "public": { vpcConfig: { subnetIds: ["s"], endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } } },
  unknown: { "flag unknown": { vpcConfig: { subnetIds: ["s"], endpointPublicAccess: UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "private endpoint": "COMPLIANT",
  "default (public)": "NON_COMPLIANT",
  "public": "NON_COMPLIANT",
});
