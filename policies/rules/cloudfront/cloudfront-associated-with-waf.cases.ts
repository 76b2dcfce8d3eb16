import { ACL_ARN, DIST, judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "webAclId", input: res(DIST, "cdn", { webAclId: ACL_ARN }) }],
    violating: [{ title: "none", input: res(DIST, "cdn", { enabled: true }), about: "cdn" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "webAclId": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
