// custom-eventbus-policy-attached: EventBridge custom event buses have a resource-based policy. (FSBP EventBridge.3)
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("custom-eventbus-policy-attached", (resources) => {
  const configs = ofType(resources, ["aws:cloudwatch/eventBusPolicy:EventBusPolicy"]);
  return ofType(resources, ["aws:cloudwatch/eventBus:EventBus"])
    .flatMap((t) => {
      const verdict = coverage(t, configs, "eventBusName");
      if (verdict === "covered") return [];
      if (verdict === "unknown") return [{ resource: t, cannotJudge: true as const, message: `${label(t)}: whether a configuration resource covers it is unknown until the update.` }];
      return [{ resource: t, message: `${label(t)} has no resource-based policy: add aws.cloudwatch.EventBusPolicy` }];
    });
});
