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
  // Whether the associations target instances with these tags; "unknown" when a target, or the tags, are unknown at preview.
  const covers = (tags: Record<string, string> | undefined): boolean | "unknown" => {
    const verdicts = targets.map((t) => {
      if (t === undefined || isUnknown(t.key) || isUnknown(t.values)) return "unknown";
      if (t.key === "InstanceIds") return list(t.values).includes("*");
      if (typeof t.key !== "string" || !t.key.startsWith("tag:")) return false;
      return tags === undefined ? "unknown" : list(t.values).includes(tags[t.key.slice(4)]);
    });
    return verdicts.includes(true) || (verdicts.includes("unknown") ? "unknown" : false);
  };
  const out: StackViolation[] = [];
  for (const r of ofType(resources, [...T.instance, ...T.autoscalingGroup])) {
    const covered = covers(instanceTags(r, resources));
    if (covered === true) continue;
    if (covered === "unknown") {
      out.push({ resource: r, cannotJudge: true, message: `${label(r)}: whether an agent rollout targets its instances is unknown until the update.` });
      continue;
    }
    const why = associations.length === 0 ? "the stack has no AgentRollout (or set managedExternally)" : "no AgentRollout targets its tags";
    out.push({ resource: r, message: `${label(r)}: instances are not targeted by an agent rollout: ${why}.` });
  }
  return out;
});
