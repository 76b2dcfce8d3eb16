// ecs-fargate-latest-platform-version: ECS Fargate services run on the latest platform version (LATEST, 1.4.0 on Linux, 1.0.0 on Windows). (FSBP ECS.10)
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("ecs-fargate-latest-platform-version", (p) => {
  if (isUnknown(p.launchType) || isUnknown(p.platformVersion)) return UNKNOWN;
  if (p.launchType !== "FARGATE" || p.platformVersion === undefined || ["LATEST", "1.4.0", "1.0.0"].includes(p.platformVersion)) return undefined;
  return `runs Fargate platform version ${p.platformVersion}: set platformVersion to LATEST`;
});
