// apigateway rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import apiGwAssociatedWithWaf from "./api-gw-associated-with-waf";
import apiGwSslEnabled from "./api-gw-ssl-enabled";
import apiGwXrayEnabled from "./api-gw-xray-enabled";
import apiGwv2AccessLogsEnabled from "./api-gwv2-access-logs-enabled";
import apiGwv2AuthorizationTypeConfigured from "./api-gwv2-authorization-type-configured";

export const rules: readonly Rule[] = [apiGwAssociatedWithWaf, apiGwSslEnabled, apiGwXrayEnabled, apiGwv2AccessLogsEnabled, apiGwv2AuthorizationTypeConfigured];
