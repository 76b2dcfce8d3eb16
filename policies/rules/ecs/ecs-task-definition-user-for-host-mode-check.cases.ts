import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "host mode, non-root user": { networkMode: "host", ...{"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"user\":\"1000\"}]"} }, "network mode unknown at preview, non-root user": { networkMode: UNKNOWN, containerDefinitions: "[{\"name\":\"app0\",\"image\":\"nginx\",\"user\":\"1000\"}]" } },
  violating: { "host mode, no user": { networkMode: "host", ...{"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"} }, "host mode, user root:root": { networkMode: "host", ...{"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"user\":\"root:root\"}]"} } },
  notApplicable: { "awsvpc mode as root": { networkMode: "awsvpc", ...{"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"} } },
  unknown: { "host mode, definitions unknown": { networkMode: "host", containerDefinitions: UNKNOWN }, "network mode unknown at preview (it may be host), no user": { networkMode: UNKNOWN, containerDefinitions: "[{\"name\":\"app0\",\"image\":\"nginx\"}]" } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "host mode, non-root user": "COMPLIANT",
  "host mode, no user": "NON_COMPLIANT",
  "host mode, user root:root": "NON_COMPLIANT",
  "awsvpc mode as root": "NOT_APPLICABLE",
});
