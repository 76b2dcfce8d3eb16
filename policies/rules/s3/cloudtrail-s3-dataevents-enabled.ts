// cloudtrail-s3-dataevents-enabled: when the stack declares trails, one of them records S3 object-level data events.
import { asArray, label, list, ofType, programValue, T } from "../../helpers";
import { ResourceView, stackRule } from "../../model";
import { containsUnknown } from "../../preview";

/** Whether a trail's selectors record S3 data events; "unknown" when none visibly does but a selector unknown at preview may. */
function recordsS3DataEvents(t: ResourceView): boolean | "unknown" {
  const selectors = programValue(t, "eventSelectors");
  const advancedSelectors = programValue(t, "advancedEventSelectors");
  const basic = asArray(selectors).some((s) => asArray(s?.dataResources).some((d) => d?.type === "AWS::S3::Object"));
  const advanced = asArray(advancedSelectors).some((s) => {
    const fields = asArray(s?.fieldSelectors);
    const eq = (field: string, value: string) => fields.some((f) => f?.field === field && list(f.equals).includes(value));
    return eq("eventCategory", "Data") && eq("resources.type", "AWS::S3::Object");
  });
  if (basic || advanced) return true;
  return containsUnknown(selectors) || containsUnknown(advancedSelectors) ? "unknown" : false;
}

export default stackRule("cloudtrail-s3-dataevents-enabled", (resources) => {
  const trails = ofType(resources, T.trail);
  const verdicts = trails.map(recordsS3DataEvents);
  if (verdicts.includes(true)) return [];
  const undecided = trails.filter((_, i) => verdicts[i] === "unknown");
  if (undecided.length > 0) return undecided.map((t) => ({ resource: t, cannotJudge: true as const, message: `Trail ${label(t)}: whether its event selectors record S3 data events is unknown until the update, and no other trail in the stack visibly does.` }));
  return trails.map((t) => ({ resource: t, message: `Trail ${t.name} records no S3 data events, and no other trail in the stack does.` }));
});
