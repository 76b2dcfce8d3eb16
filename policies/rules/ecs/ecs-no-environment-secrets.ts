// ecs-no-environment-secrets: ECS container definitions pass no credentials (the configured variable names) as plain environment variables. (FSBP ECS.8)
import { eachContainer } from "../../ecs";
import { settingRule } from "../../judge";

export default settingRule("ecs-no-environment-secrets", (p, config) => eachContainer(p, (c) => (Array.isArray(c.environment) ? c.environment : []).some((e: any) => config.secretKeys.includes(e?.name)), "sets a credential in clear-text `environment`: reference it under `secrets` instead"));
