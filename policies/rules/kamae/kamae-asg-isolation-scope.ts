// kamae-asg-isolation-scope: every Auto Scaling group behind a load balancer launches instances InstanceIsolation may act on.
import { KamaeTags } from "../../../components/shared/runtime/tags";
import { byUrn, label, ofType, T, underComponent } from "../../helpers";
import { behindLoadBalancer, instanceTags } from "../../kamae";
import { stackRule, StackViolation } from "../../model";

export const INSTANCE_ISOLATION = "kamae:index:InstanceIsolation";

export default stackRule("kamae-asg-isolation-scope", (resources, config) => {
  const urns = byUrn(resources);
  const isolation = config.managedExternally === true || resources.some((r) => r.type === INSTANCE_ISOLATION || underComponent(r, INSTANCE_ISOLATION, urns));
  const out: StackViolation[] = [];
  for (const asg of ofType(resources, T.autoscalingGroup)) {
    const behind = behindLoadBalancer(asg, resources);
    if (behind === false) continue;
    const tags = instanceTags(asg, resources);
    // Load balancers unknown at preview: a group that would be flagged behind one cannot be judged.
    if (behind === "unknown") {
      if (tags === undefined || tags[KamaeTags.isolationScope] !== "true" || !isolation) out.push({ resource: asg, cannotJudge: true, message: `Auto Scaling group ${label(asg)}: whether it is behind a load balancer (its target groups, load balancers or traffic sources) is unknown until the update, and its instances would not be in isolation scope.` });
      continue;
    }
    if (tags === undefined) {
      out.push({ resource: asg, cannotJudge: true, message: `Auto Scaling group ${label(asg)}: the tags its instances launch with are unknown until the update.` });
      continue;
    }
    if (tags[KamaeTags.isolationScope] !== "true") {
      out.push({ resource: asg, message: `Auto Scaling group ${label(asg)} is behind a load balancer but its instances are not tagged ${KamaeTags.isolationScope}=true.` });
    } else if (!isolation) {
      out.push({ resource: asg, message: `Auto Scaling group ${label(asg)} is in isolation scope but the stack has no InstanceIsolation (or set managedExternally).` });
    }
  }
  return out;
});
