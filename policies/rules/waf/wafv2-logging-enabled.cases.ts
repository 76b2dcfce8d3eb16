import { ACL_ARN, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "logging configuration", input: [res("aws:wafv2/webAcl:WebAcl", "acl", { arn: ACL_ARN }), res("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "acl-logs", { resourceArn: ACL_ARN, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-web"] })] }],
    violating: [{ title: "no logging", input: [res("aws:wafv2/webAcl:WebAcl", "acl", { arn: ACL_ARN })], about: "acl" }],
  });
