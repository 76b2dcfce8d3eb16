import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "privileged false": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"privileged\":false}]"} },
  violating: { "second container privileged": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"},{\"name\":\"app1\",\"image\":\"nginx\",\"privileged\":true}]"} },
  notApplicable: { "privileged not set": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"} },
  unknown: { "definitions unknown (image from a new repository)": { containerDefinitions: UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "privileged false": "COMPLIANT",
  "second container privileged": "NON_COMPLIANT",
  "privileged not set": "COMPLIANT",
});
