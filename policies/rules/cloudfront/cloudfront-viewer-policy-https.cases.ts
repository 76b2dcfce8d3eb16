import { DIST, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "redirect-to-https", input: res(DIST, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, orderedCacheBehaviors: [{ pathPattern: "/api/*", viewerProtocolPolicy: "https-only" }] }) }],
    violating: [{ title: "allow-all on a path", input: res(DIST, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: [{ pathPattern: "/img/*", viewerProtocolPolicy: "allow-all" }] }), about: "cdn" }],
  });
