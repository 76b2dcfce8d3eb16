import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "read-only root": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"readonlyRootFilesystem\":true}]"} },
  violating: { "not set": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"}, "false": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"readonlyRootFilesystem\":false}]"} },
  notApplicable: { "no containers": { containerDefinitions: "[]" } },
  unknown: { "definitions unknown": { containerDefinitions: UNKNOWN } },
});
