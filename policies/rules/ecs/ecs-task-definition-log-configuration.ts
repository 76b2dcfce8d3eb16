// ecs-task-definition-log-configuration: Every container of an ECS task definition has a log configuration. (FSBP ECS.9)
import { eachContainer } from "../../ecs";
import { settingRule } from "../../judge";

export default settingRule("ecs-task-definition-log-configuration", (p) => eachContainer(p, (c) => !c.logConfiguration?.logDriver, "has no `logConfiguration`: add one (for example the awslogs driver)"));
