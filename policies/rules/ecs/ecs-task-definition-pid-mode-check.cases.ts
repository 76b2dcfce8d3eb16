import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "task pid mode": { pidMode: "task" } },
  violating: { "host pid mode": { pidMode: "host" } },
  notApplicable: { "pid mode not set": {} },
  unknown: { "pid mode unknown": { pidMode: UNKNOWN } },
});
