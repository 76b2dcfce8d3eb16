// lambda rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import lambdaFunctionPublicAccessProhibited from "./lambda-function-public-access-prohibited";
import lambdaFunctionSettingsCheck from "./lambda-function-settings-check";
import lambdaFunctionsHaveApplicationProtection from "./lambda-functions-have-application-protection";
import lambdaInsideVpc from "./lambda-inside-vpc";

export const rules: readonly Rule[] = [lambdaFunctionPublicAccessProhibited, lambdaFunctionSettingsCheck, lambdaFunctionsHaveApplicationProtection, lambdaInsideVpc];
