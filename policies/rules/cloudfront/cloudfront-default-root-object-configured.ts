// cloudfront-default-root-object-configured: CloudFront distributions have a default root object. (FSBP CloudFront.1)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("cloudfront-default-root-object-configured", (p) => requirePresent(p.defaultRootObject, "has no default root object: set defaultRootObject (for example index.html)"));
