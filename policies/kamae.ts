/**
 * What Kamae's own stack policies rely on, from the resources its components create (documented in README.md):
 * - component ancestry from the URN's qualified type (`kamae:index:AgentRollout$aws:ssm/association:Association`) or
 *   the parent chain;
 * - the instance tags of components/shared/runtime/tags.ts (`KamaeTags`), read from an instance's tags, an Auto Scaling
 *   group's tags with propagateAtLaunch, or its launch template's `instance` tag specifications.
 */
import { asArray, is, ofType, programValue, refersTo, T } from "./helpers";
import { isUnknown, ResourceView } from "./model";

/** The tags instances launched from this resource carry; `undefined` when they cannot be known during preview. */
export function instanceTags(r: ResourceView, resources: readonly ResourceView[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (is(r, T.instance)) {
    if (isUnknown(r.props.tags)) return undefined;
    Object.assign(out, r.props.tags ?? {});
    return out;
  }
  if (isUnknown(r.props.tags)) return undefined;
  for (const t of asArray(r.props.tags)) if (t?.propagateAtLaunch === true && typeof t.key === "string") out[t.key] = String(t.value);
  const lt = r.props.launchTemplate ?? r.props.mixedInstancesPolicy?.launchTemplate?.launchTemplateSpecification;
  if (lt) {
    const refs = ofType(resources, T.launchTemplate).map((t) => ({ t, ref: lt.id !== undefined ? refersTo({ ...r, props: lt }, "id", t) : refersTo({ ...r, props: lt }, "name", t) }));
    if (refs.some((x) => x.ref === "unknown")) return undefined;
    for (const { t } of refs.filter((x) => x.ref === true)) {
      for (const spec of asArray(t.props.tagSpecifications)) {
        if (spec?.resourceType === "instance" && spec.tags && !isUnknown(spec.tags)) Object.assign(out, spec.tags);
      }
    }
  }
  return out;
}

/**
 * Whether an Auto Scaling group is registered with a load balancer (inline or through attachment resources);
 * "unknown" when it does not visibly but an inline list the program sets is unknown at preview.
 */
export function behindLoadBalancer(asg: ResourceView, resources: readonly ResourceView[]): boolean | "unknown" {
  const inline = ["targetGroupArns", "loadBalancers", "trafficSources"].map((k) => programValue(asg, k));
  if (inline.some((l) => asArray(l).length > 0)) return true;
  const attachments = ofType(resources, ["aws:autoscaling/attachment:Attachment", "aws:autoscaling/trafficSourceAttachment:TrafficSourceAttachment"]);
  if (attachments.some((a) => refersTo(a, "autoscalingGroupName", asg) === true)) return true;
  return inline.some(isUnknown) ? "unknown" : false;
}
