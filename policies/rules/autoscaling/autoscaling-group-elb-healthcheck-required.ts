// autoscaling-group-elb-healthcheck-required: Auto Scaling groups behind a load balancer use its health checks. (FSBP AutoScaling.1)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("autoscaling-group-elb-healthcheck-required", (p) => {
  if (isUnknown(p.targetGroupArns) || isUnknown(p.loadBalancers) || isUnknown(p.healthCheckType)) return UNKNOWN;
  if (asArray(p.targetGroupArns).length + asArray(p.loadBalancers).length === 0) return undefined;
  return p.healthCheckType === "ELB" ? undefined : "sits behind a load balancer but replaces instances on EC2 checks only: set healthCheckType ELB";
});
