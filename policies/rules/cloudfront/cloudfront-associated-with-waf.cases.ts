import { ACL_ARN, DIST, UNKNOWN, judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "webAclId", input: res(DIST, "cdn", { webAclId: ACL_ARN }) }, { title: "a web ACL created in the same program (unknown at preview): one is set", input: res(DIST, "cdn", { webAclId: UNKNOWN }) }],
    violating: [{ title: "none", input: res(DIST, "cdn", { enabled: true }), about: "cdn" }, { title: "empty webAclId", input: res(DIST, "cdn", { webAclId: "" }), about: "cdn" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "webAclId": "COMPLIANT",
  "none": "NON_COMPLIANT",
  "empty webAclId": "NON_COMPLIANT",
});
