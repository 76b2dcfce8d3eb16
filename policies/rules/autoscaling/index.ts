// autoscaling rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import autoscalingLaunchConfigPublicIpDisabled from "./autoscaling-launch-config-public-ip-disabled";
import autoscalingLaunchTemplate from "./autoscaling-launch-template";
import autoscalingLaunchconfigRequiresImdsv2 from "./autoscaling-launchconfig-requires-imdsv2";

export const rules: readonly Rule[] = [autoscalingLaunchConfigPublicIpDisabled, autoscalingLaunchTemplate, autoscalingLaunchconfigRequiresImdsv2];
