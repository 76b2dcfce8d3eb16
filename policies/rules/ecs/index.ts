// ecs rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import ecsContainerInsightsEnabled from "./ecs-container-insights-enabled";
import ecsContainersNonprivileged from "./ecs-containers-nonprivileged";
import ecsContainersReadonlyAccess from "./ecs-containers-readonly-access";
import ecsFargateLatestPlatformVersion from "./ecs-fargate-latest-platform-version";
import ecsNoEnvironmentSecrets from "./ecs-no-environment-secrets";
import ecsServiceAssignPublicIpDisabled from "./ecs-service-assign-public-ip-disabled";
import ecsTaskDefinitionLogConfiguration from "./ecs-task-definition-log-configuration";
import ecsTaskDefinitionPidModeCheck from "./ecs-task-definition-pid-mode-check";
import ecsTaskDefinitionUserForHostModeCheck from "./ecs-task-definition-user-for-host-mode-check";

export const rules: readonly Rule[] = [ecsContainerInsightsEnabled, ecsContainersNonprivileged, ecsContainersReadonlyAccess, ecsFargateLatestPlatformVersion, ecsNoEnvironmentSecrets, ecsServiceAssignPublicIpDisabled, ecsTaskDefinitionLogConfiguration, ecsTaskDefinitionPidModeCheck, ecsTaskDefinitionUserForHostModeCheck];
