import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "awslogs": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/app\"}}}]"} },
  violating: { "one container without": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"logConfiguration\":{\"logDriver\":\"awslogs\"}},{\"name\":\"app1\",\"image\":\"nginx\"}]"} },
  notApplicable: { "no containers": { containerDefinitions: "[]" } },
  unknown: { "definitions unknown": { containerDefinitions: UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "awslogs": "COMPLIANT",
  "one container without": "NON_COMPLIANT",
  "no containers": "NOT_APPLICABLE",
});
