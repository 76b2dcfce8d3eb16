import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "privileged false": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"privileged\":false}]"} },
  violating: { "second container privileged": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"},{\"name\":\"app1\",\"image\":\"nginx\",\"privileged\":true}]"} },
  notApplicable: { "privileged not set": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"} },
  unknown: { "definitions unknown (image from a new repository)": { containerDefinitions: UNKNOWN } },
});
