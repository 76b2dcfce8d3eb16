// ecs-task-definition-user-for-host-mode-check: ECS task definitions in host network mode run every container privileged or as a non-root user. (FSBP ECS.1)
import { eachContainer } from "../../ecs";
import { oneOf, settingRule, whenApplies } from "../../judge";

export default settingRule("ecs-task-definition-user-for-host-mode-check", (p) => whenApplies(oneOf(p.networkMode, ["host"]), () => eachContainer(p, (c) => c.privileged !== true && (c.user === undefined || c.user === "" || c.user === "root" || c.user === "0" || String(c.user).startsWith("0:") || String(c.user).startsWith("root:")), "runs as root in host network mode: set a non-root `user`, or use `awsvpc` network mode")));
