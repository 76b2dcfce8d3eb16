import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "credential through secrets": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"secrets\":[{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"valueFrom\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:k\"}],\"environment\":[{\"name\":\"STAGE\",\"value\":\"prod\"}]}]"} },
  violating: { "secret key in environment": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"environment\":[{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"value\":\"wJalr\"}]}]"} },
  notApplicable: { "no environment": {"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"} },
  unknown: { "definitions unknown": { containerDefinitions: UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "credential through secrets": "COMPLIANT",
  "secret key in environment": "NON_COMPLIANT",
  "no environment": "COMPLIANT",
});
