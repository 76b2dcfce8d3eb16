// ecs-task-definition-pid-mode-check: ECS task definitions do not share the host's process namespace. (FSBP ECS.3)
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("ecs-task-definition-pid-mode-check", (p) => (isUnknown(p.pidMode) ? UNKNOWN : p.pidMode === "host" ? "pidMode is host: containers see every process of the host; remove it or set `task`" : undefined));
