// apigateway rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import apiGwAssociatedWithWaf from "./api-gw-associated-with-waf";

export const rules: readonly Rule[] = [apiGwAssociatedWithWaf];
