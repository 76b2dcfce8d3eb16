// lambda rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import lambdaFunctionPublicAccessProhibited from "./lambda-function-public-access-prohibited";
import lambdaFunctionsHaveApplicationProtection from "./lambda-functions-have-application-protection";

export const rules: readonly Rule[] = [lambdaFunctionPublicAccessProhibited, lambdaFunctionsHaveApplicationProtection];
