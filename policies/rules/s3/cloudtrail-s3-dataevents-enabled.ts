// cloudtrail-s3-dataevents-enabled: when the stack declares trails, one of them records S3 object-level data events.
import { asArray, list, ofType, T } from "../../helpers";
import { isUnknown, ResourceView, stackRule } from "../../model";

function recordsS3DataEvents(t: ResourceView): boolean | "unknown" {
  if (isUnknown(t.props.eventSelectors) || isUnknown(t.props.advancedEventSelectors)) return "unknown";
  const basic = asArray(t.props.eventSelectors).some((s) => asArray(s?.dataResources).some((d) => d?.type === "AWS::S3::Object"));
  const advanced = asArray(t.props.advancedEventSelectors).some((s) => {
    const fields = asArray(s?.fieldSelectors);
    const eq = (field: string, value: string) => fields.some((f) => f?.field === field && list(f.equals).includes(value));
    return eq("eventCategory", "Data") && eq("resources.type", "AWS::S3::Object");
  });
  return basic || advanced;
}

export default stackRule("cloudtrail-s3-dataevents-enabled", (resources) => {
  const trails = ofType(resources, T.trail);
  if (trails.length === 0 || trails.some((t) => recordsS3DataEvents(t) !== false)) return [];
  return trails.map((t) => ({ resource: t, message: `Trail ${t.name} records no S3 data events, and no other trail in the stack does.` }));
});
