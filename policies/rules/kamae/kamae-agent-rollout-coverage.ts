// kamae-agent-rollout-coverage: every instance and Auto Scaling group is targeted by an AgentRollout association.
import { asArray, byUrn, label, list, ofType, T, underComponent } from "../../helpers";
import { instanceTags } from "../../kamae";
import { isUnknown, stackRule, StackViolation } from "../../model";

export const AGENT_ROLLOUT = "kamae:index:AgentRollout";

export default stackRule("kamae-agent-rollout-coverage", (resources, config) => {
  if (config.managedExternally === true) return [];
  const urns = byUrn(resources);
  const associations = ofType(resources, ["aws:ssm/association:Association"]).filter((a) => underComponent(a, AGENT_ROLLOUT, urns));
  const targets = associations.flatMap((a) => (isUnknown(a.props.targets) ? [undefined] : asArray(a.props.targets)));
  const covers = (tags: Record<string, string>) =>
    targets.some((t) => {
      if (t === undefined || isUnknown(t?.key) || isUnknown(t?.values)) return true;
      if (t.key === "InstanceIds") return list(t.values).includes("*");
      return typeof t.key === "string" && t.key.startsWith("tag:") && list(t.values).includes(tags[t.key.slice(4)]);
    });
  const out: StackViolation[] = [];
  for (const r of ofType(resources, [...T.instance, ...T.autoscalingGroup])) {
    const tags = instanceTags(r, resources);
    if (tags === undefined || covers(tags)) continue;
    const why = associations.length === 0 ? "the stack has no AgentRollout (or set managedExternally)" : "no AgentRollout targets its tags";
    out.push({ resource: r, message: `${label(r)}: instances are not targeted by an agent rollout: ${why}.` });
  }
  return out;
});
