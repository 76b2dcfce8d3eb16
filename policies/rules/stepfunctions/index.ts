// stepfunctions rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import stepFunctionsStateMachineLoggingEnabled from "./step-functions-state-machine-logging-enabled";

export const rules: readonly Rule[] = [stepFunctionsStateMachineLoggingEnabled];
