import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "awslogs": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/app\"}}}]"} },
  violating: { "one container without": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"logConfiguration\":{\"logDriver\":\"awslogs\"}},{\"name\":\"app1\",\"image\":\"nginx\"}]"} },
  notApplicable: { "no containers": { containerDefinitions: "[]" } },
  unknown: { "definitions unknown": { containerDefinitions: UNKNOWN } },
});
