// alb-waf-enabled: every Application Load Balancer is associated with a WAFv2 web ACL.
import { coverageViolations, label, ofType, ofTypeCached, T } from "../../helpers";
import { isUnknown, ResourceView, stackRule } from "../../model";
import { valueAt } from "../../preview";

/** awsx's ALB is a remote component: unexpanded (as under `kamae check`), it stands for the load balancer it makes. */
export const AWSX_ALB = "awsx:lb:ApplicationLoadBalancer";

export default stackRule("alb-waf-enabled", (resources) => {
  const associations = ofTypeCached(resources, T.webAclAssociation);
  const lbs = ofType(resources, T.loadBalancer).filter((lb) => !isUnknown(lb.props.loadBalancerType) && (lb.props.loadBalancerType ?? "application") === "application");
  const expanded = new Set(lbs.map((lb) => lb.parent));
  const unexpanded: ResourceView[] = ofType(resources, [AWSX_ALB])
    .filter((c) => !expanded.has(c.urn) && (typeof c.props.loadBalancer?.arn === "string" || isUnknown(valueAt(c.props, "loadBalancer.arn"))))
    // An ARN unknown at preview (a component being created) is still a load balancer: judged by dependencies.
    .map((c) => ({ ...c, props: { arn: valueAt(c.props, "loadBalancer.arn") } }));
  const undecidedType = ofType(resources, T.loadBalancer).filter((lb) => isUnknown(lb.props.loadBalancerType));
  return [
    ...coverageViolations([...lbs, ...unexpanded], associations, "resourceArn", "Load balancer", "has no WebAclAssociation (WafAutoBlock or another web ACL)", "a WebAclAssociation naming it").map((v) => ({
      ...v,
      resource: resources.find((r) => r.urn === v.resource?.urn),
    })),
    ...undecidedType.map((lb) => ({ resource: lb, cannotJudge: true as const, message: `Load balancer ${label(lb)}: its type is unknown until the update.` })),
  ];
});
