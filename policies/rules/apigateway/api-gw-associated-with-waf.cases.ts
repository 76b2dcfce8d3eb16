import { ACL_ARN, ASSOC, res, ruleCases, STAGE_ARN } from "../cases";

export default ruleCases({
    compliant: [{ title: "association", input: [res("aws:apigateway/stage:Stage", "prod", { arn: STAGE_ARN, stageName: "prod" }), res(ASSOC, "prod-waf", { resourceArn: STAGE_ARN, webAclArn: ACL_ARN })] }],
    violating: [{ title: "no association", input: [res("aws:apigateway/stage:Stage", "prod", { arn: STAGE_ARN })], about: "prod" }],
  });
