import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "task pid mode": { pidMode: "task" } },
  violating: { "host pid mode": { pidMode: "host" } },
  notApplicable: { "pid mode not set": {} },
  unknown: { "pid mode unknown": { pidMode: UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "task pid mode": "COMPLIANT",
  "host pid mode": "NON_COMPLIANT",
  "pid mode not set": "COMPLIANT",
});
