import { DIST, judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "a path's viewer protocol policy unknown", input: res(DIST, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: [{ pathPattern: "/img/*", viewerProtocolPolicy: UNKNOWN }] }), about: "cdn" },],
    compliant: [{ title: "redirect-to-https", input: res(DIST, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, orderedCacheBehaviors: [{ pathPattern: "/api/*", viewerProtocolPolicy: "https-only" }] }) }],
    violating: [
    { title: "allow-all on a path whatever another path's unknown policy", input: res(DIST, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" }, orderedCacheBehaviors: [{ pathPattern: "/img/*", viewerProtocolPolicy: UNKNOWN }] }), about: "cdn" },{ title: "allow-all on a path", input: res(DIST, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: [{ pathPattern: "/img/*", viewerProtocolPolicy: "allow-all" }] }), about: "cdn" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "redirect-to-https": "COMPLIANT",
  "allow-all on a path": "NON_COMPLIANT",
});
