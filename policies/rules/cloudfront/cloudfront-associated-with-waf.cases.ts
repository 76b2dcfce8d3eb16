import { DIST, fromOutputs, judgedByAwsConfig, res, ruleCases, STACK_REF_URN, UNKNOWN } from "../cases";

const WAFV2_ACL = "aws:wafv2/webAcl:WebAcl";
const GLOBAL_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/0a1b2c3d-1111-2222-3333-444455556666";
const acl = (name: string, scope: unknown) => res(WAFV2_ACL, name, { scope, arn: UNKNOWN, defaultAction: { allow: {} } });
const cdnAcl = acl("cdn-acl", "CLOUDFRONT");
const classic = res("aws:waf/webAcl:WebAcl", "classic-acl", { metricName: "classic", defaultAction: { type: "ALLOW" } });
const pending = res(DIST, "cdn", { enabled: true, webAclId: UNKNOWN });

const cases = ruleCases({
  compliant: [
    { title: "webAclId", input: [res(DIST, "cdn", { webAclId: GLOBAL_ACL_ARN })] },
    { title: "a WAF Classic web ACL id", input: [res(DIST, "cdn", { webAclId: "a1b2c3d4-5678-90ab-cdef-0123456789ab" })] },
    { title: "a CLOUDFRONT-scoped web ACL of this stack, its ARN unknown at preview", input: [cdnAcl, fromOutputs(pending, "webAclId", cdnAcl)] },
    { title: "a WAF Classic web ACL of this stack, its id unknown at preview", input: [classic, fromOutputs(pending, "webAclId", classic)] },
  ],
  violating: [
    { title: "none", input: [res(DIST, "cdn", { enabled: true })], about: "cdn" },
    { title: "empty webAclId", input: [res(DIST, "cdn", { webAclId: "" })], about: "cdn" },
    { title: "none, beside a web ACL of this stack the distribution does not use", input: [cdnAcl, res(DIST, "cdn", { enabled: true })], about: "cdn" },
  ],
  unknown: [
    { title: "web ACL id unknown, no dependency information", input: [cdnAcl, pending], about: "cdn", says: "webAclId" },
    { title: "web ACL id from another stack", input: [fromOutputs(pending, "webAclId", STACK_REF_URN)], about: "cdn" },
    // CloudFront takes only CLOUDFRONT-scoped WAFv2 web ACLs: a REGIONAL one does not make the association certain.
    { title: "web ACL id from a REGIONAL web ACL of this stack", input: [acl("api-acl", "REGIONAL"), fromOutputs(pending, "webAclId", `urn:pulumi:test::kamae::${WAFV2_ACL}::api-acl`)], about: "cdn", says: "CLOUDFRONT-scoped" },
    { title: "web ACL id from a web ACL whose scope is unknown", input: [acl("cdn-acl", UNKNOWN), fromOutputs(pending, "webAclId", cdnAcl)], about: "cdn" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "webAclId": "COMPLIANT",
  "a WAF Classic web ACL id": "COMPLIANT",
  "a CLOUDFRONT-scoped web ACL of this stack, its ARN unknown at preview": "COMPLIANT",
  "a WAF Classic web ACL of this stack, its id unknown at preview": "COMPLIANT",
  "none": "NON_COMPLIANT",
  "empty webAclId": "NON_COMPLIANT",
  "none, beside a web ACL of this stack the distribution does not use": "NON_COMPLIANT",
});
