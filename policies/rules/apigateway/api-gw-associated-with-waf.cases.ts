import { ACL_ARN, ASSOC, judgedByAwsConfig, res, ruleCases, STAGE_ARN, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "association whose stage cannot be told", input: [res("aws:apigateway/stage:Stage", "prod", { arn: STAGE_ARN }), res(ASSOC, "some-waf", { resourceArn: UNKNOWN, webAclArn: ACL_ARN })], about: "prod" },],
    compliant: [{ title: "association", input: [res("aws:apigateway/stage:Stage", "prod", { arn: STAGE_ARN, stageName: "prod" }), res(ASSOC, "prod-waf", { resourceArn: STAGE_ARN, webAclArn: ACL_ARN })] }],
    violating: [{ title: "no association", input: [res("aws:apigateway/stage:Stage", "prod", { arn: STAGE_ARN })], about: "prod" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "association": "COMPLIANT",
  "no association": "NON_COMPLIANT",
});
