// step-functions-state-machine-logging-enabled: Step Functions state machines log their executions. (FSBP StepFunctions.1)
import { at, requireNotIn, settingRule } from "../../judge";

export default settingRule("step-functions-state-machine-logging-enabled", (p) => requireNotIn(at(p, "loggingConfiguration.level"), ["OFF"], "does not log executions: set loggingConfiguration.level (ERROR or ALL) and logDestination", "OFF"));
