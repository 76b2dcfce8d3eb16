// ecs-containers-readonly-access: ECS containers have read-only root file systems. (FSBP ECS.5)
import { eachContainer } from "../../ecs";
import { settingRule } from "../../judge";

export default settingRule("ecs-containers-readonly-access", (p) => eachContainer(p, (c) => c.readonlyRootFilesystem !== true, "can write its root file system: set `readonlyRootFilesystem: true`"));
