import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ecs/service:Service", {
  compliant: { "LATEST": { launchType: "FARGATE", platformVersion: "LATEST" }, "unset (LATEST)": { launchType: "FARGATE" }, "1.4.0": { launchType: "FARGATE", platformVersion: "1.4.0" } },
  violating: { "1.3.0": { launchType: "FARGATE", platformVersion: "1.3.0" } },
  notApplicable: { "EC2 launch type": { launchType: "EC2", platformVersion: "1.3.0" } },
  unknown: { "version unknown": { launchType: "FARGATE", platformVersion: UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "LATEST": "COMPLIANT",
  "unset (LATEST)": "COMPLIANT",
  "1.4.0": "COMPLIANT",
  "1.3.0": "NON_COMPLIANT",
  "EC2 launch type": "NOT_APPLICABLE",
});
