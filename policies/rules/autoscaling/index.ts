// autoscaling rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import autoscalingGroupElbHealthcheckRequired from "./autoscaling-group-elb-healthcheck-required";
import autoscalingLaunchConfigHopLimit from "./autoscaling-launch-config-hop-limit";
import autoscalingLaunchConfigPublicIpDisabled from "./autoscaling-launch-config-public-ip-disabled";
import autoscalingLaunchTemplate from "./autoscaling-launch-template";
import autoscalingLaunchconfigRequiresImdsv2 from "./autoscaling-launchconfig-requires-imdsv2";
import autoscalingMultipleAz from "./autoscaling-multiple-az";

export const rules: readonly Rule[] = [autoscalingGroupElbHealthcheckRequired, autoscalingLaunchConfigHopLimit, autoscalingLaunchConfigPublicIpDisabled, autoscalingLaunchTemplate, autoscalingLaunchconfigRequiresImdsv2, autoscalingMultipleAz];
