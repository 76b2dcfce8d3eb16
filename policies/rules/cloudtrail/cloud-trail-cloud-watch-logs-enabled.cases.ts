import { UNKNOWN, judgedByAwsConfig, ruleCases, trail } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "log group", input: trail("t") }, { title: "a log group created in the same program (unknown at preview): a group is set", input: trail("t", { cloudWatchLogsGroupArn: UNKNOWN }) }],
    violating: [{ title: "none", input: trail("t", { cloudWatchLogsGroupArn: undefined }), about: "t" }, { title: "empty cloudWatchLogsGroupArn", input: trail("t", { cloudWatchLogsGroupArn: "" }), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "log group": "COMPLIANT",
  "none": "NON_COMPLIANT",
  "empty cloudWatchLogsGroupArn": "NON_COMPLIANT",
});
