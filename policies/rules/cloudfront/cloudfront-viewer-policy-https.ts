// cloudfront-viewer-policy-https: no cache behavior allows plain HTTP to viewers.
import { asArray, label, shown } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";
import { cannotJudge } from "../../preview";

export default resourceRule("cloudfront-viewer-policy-https", (r) => {
  const behaviors = [r.props.defaultCacheBehavior, ...asArray(r.props.orderedCacheBehaviors)].filter(Boolean);
  const insecure = behaviors.filter((b) => b.viewerProtocolPolicy === "allow-all");
  const unknown = behaviors.filter((b) => isUnknown(b) || isUnknown(b.viewerProtocolPolicy));
  if (!insecure.length && (unknown.length || isUnknown(r.props.defaultCacheBehavior) || isUnknown(r.props.orderedCacheBehaviors))) {
    return [cannotJudge(`Distribution ${label(r)}: a cache behavior's viewerProtocolPolicy is unknown until the update.`)];
  }
  return insecure.length ? [`Distribution ${label(r)} allows HTTP (viewerProtocolPolicy allow-all) on ${insecure.map((b) => shown(b.pathPattern ?? "the default behavior")).join(", ")}.`] : [];
});
