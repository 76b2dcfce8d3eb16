import { ACL_ARN, alb, ASSOC, judgedByAwsConfig, LB, LBARN, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "load balancer whose type is unknown", input: [res(LB, "web", { loadBalancerType: UNKNOWN, arn: LBARN })], about: "web" },],
    compliant: [
      { title: "web ACL association", input: [alb("web"), res(ASSOC, "web-waf", { resourceArn: LBARN, webAclArn: ACL_ARN })] },
      { title: "network load balancer", input: [res(LB, "nlb", { loadBalancerType: "network", arn: LBARN })] },
      { title: "unexpanded awsx ALB whose ARN is unknown at preview, an association depending on it", input: [res("awsx:lb:ApplicationLoadBalancer", "front", { loadBalancer: UNKNOWN }), res(ASSOC, "front-waf", { resourceArn: UNKNOWN, webAclArn: ACL_ARN }, { propertyDependencies: { resourceArn: ["urn:pulumi:test::kamae::awsx:lb:ApplicationLoadBalancer::front"], webAclArn: [] } })] },
      { title: "unexpanded awsx ALB with an association", input: [res("awsx:lb:ApplicationLoadBalancer", "front", { loadBalancer: { arn: LBARN } }), res(ASSOC, "front-waf", { resourceArn: LBARN, webAclArn: ACL_ARN })] },
    ],
    violating: [
      { title: "no association", input: [alb("web")], about: "web" },
      { title: "unexpanded awsx ALB whose ARN is unknown at preview, without one", input: [res("awsx:lb:ApplicationLoadBalancer", "front", { loadBalancer: { arn: UNKNOWN } })], about: "front" },
      { title: "unexpanded awsx ALB without one", input: [res("awsx:lb:ApplicationLoadBalancer", "front", { loadBalancer: { arn: LBARN } })], about: "front" },
      {
        title: "expanded awsx ALB judged once, on its load balancer",
        input: [res("awsx:lb:ApplicationLoadBalancer", "front", { loadBalancer: { arn: LBARN } }), { ...alb("front-lb"), parent: "urn:pulumi:test::kamae::awsx:lb:ApplicationLoadBalancer::front" }],
        about: "front-lb",
      },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "web ACL association": "COMPLIANT",
  "network load balancer": "NOT_APPLICABLE",
  "unexpanded awsx ALB with an association": "COMPLIANT",
  "no association": "NON_COMPLIANT",
  "unexpanded awsx ALB without one": "NON_COMPLIANT",
  "expanded awsx ALB judged once, on its load balancer": "NON_COMPLIANT",
});
