import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "read-only root": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"readonlyRootFilesystem\":true}]"} },
  violating: { "not set": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"}, "false": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"readonlyRootFilesystem\":false}]"} },
  notApplicable: { "no containers": { containerDefinitions: "[]" } },
  unknown: { "definitions unknown": { containerDefinitions: UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "read-only root": "COMPLIANT",
  "not set": "NON_COMPLIANT",
  "false": "NON_COMPLIANT",
  "no containers": "NOT_APPLICABLE",
});
