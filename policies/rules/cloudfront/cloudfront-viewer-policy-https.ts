// cloudfront-viewer-policy-https: no cache behavior allows plain HTTP to viewers.
import { asArray, label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("cloudfront-viewer-policy-https", (r) => {
  const behaviors = [r.props.defaultCacheBehavior, ...asArray(r.props.orderedCacheBehaviors)].filter(Boolean);
  const insecure = behaviors.filter((b) => b.viewerProtocolPolicy === "allow-all");
  return insecure.length ? [`Distribution ${label(r)} allows HTTP (viewerProtocolPolicy allow-all) on ${insecure.map((b) => b.pathPattern ?? "the default behavior").join(", ")}.`] : [];
});
