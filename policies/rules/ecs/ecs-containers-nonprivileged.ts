// ecs-containers-nonprivileged: ECS task definitions run no container privileged. (FSBP ECS.4)
import { eachContainer } from "../../ecs";
import { settingRule } from "../../judge";

export default settingRule("ecs-containers-nonprivileged", (p) => eachContainer(p, (c) => c.privileged === true, "is privileged (root on the host): remove `privileged: true`"));
