import { desyncModeCases, UNKNOWN } from "../cases";

// The load balancer type also holds network and gateway load balancers: the desync mode is an ALB setting, which
// AWS does not apply to them (whatever the program sets).
export default desyncModeCases("aws:lb/loadBalancer:LoadBalancer", {
  compliant: { "type unknown at preview, strictest": { loadBalancerType: UNKNOWN, desyncMitigationMode: "strictest" } },
  unknown: { "type unknown at preview (it may be an ALB), monitor": { loadBalancerType: UNKNOWN, desyncMitigationMode: "monitor" } },
  violating: { "monitor, type application given": { loadBalancerType: "application", desyncMitigationMode: "monitor" } },
  notApplicable: { "network load balancer": { loadBalancerType: "network", desyncMitigationMode: "monitor" } },
});
