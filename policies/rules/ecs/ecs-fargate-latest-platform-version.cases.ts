import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecs/service:Service", {
  compliant: { "LATEST": { launchType: "FARGATE", platformVersion: "LATEST" }, "unset (LATEST)": { launchType: "FARGATE" }, "1.4.0": { launchType: "FARGATE", platformVersion: "1.4.0" } },
  violating: { "1.3.0": { launchType: "FARGATE", platformVersion: "1.3.0" } },
  notApplicable: { "EC2 launch type": { launchType: "EC2", platformVersion: "1.3.0" } },
  unknown: { "version unknown": { launchType: "FARGATE", platformVersion: UNKNOWN } },
});
