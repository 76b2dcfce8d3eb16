import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecs/service:Service", {
  compliant: { "assignPublicIp false": { networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: false } } },
  violating: { "assignPublicIp true": { networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: true } } },
  notApplicable: { "bridge-mode service without network configuration": { taskDefinition: "web:1" } },
  unknown: { "flag unknown": { networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: UNKNOWN } } },
});
