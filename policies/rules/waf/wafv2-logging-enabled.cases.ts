import { ACL_ARN, judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "logging configuration whose web ACL cannot be told", input: [res("aws:wafv2/webAcl:WebAcl", "acl", { arn: ACL_ARN }), res("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "some-logs", { resourceArn: UNKNOWN, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-web"] })], about: "acl" },],
    compliant: [{ title: "logging configuration", input: [res("aws:wafv2/webAcl:WebAcl", "acl", { arn: ACL_ARN }), res("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "acl-logs", { resourceArn: ACL_ARN, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-web"] })] }],
    violating: [{ title: "no logging", input: [res("aws:wafv2/webAcl:WebAcl", "acl", { arn: ACL_ARN })], about: "acl" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "logging configuration": "COMPLIANT",
  "no logging": "NON_COMPLIANT",
});
