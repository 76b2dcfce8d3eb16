import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const REPO = "aws:ecr/repository:Repository";
const LP = "aws:ecr/lifecyclePolicy:LifecyclePolicy";

const cases = ruleCases({
  compliant: [{ title: "policy names the repository", input: [res(REPO, "app", { name: "app" }), res(LP, "app-lp", { repository: "app", policy: "{}" })] }],
  violating: [{ title: "no policy", input: [res(REPO, "app", { name: "app" })], about: "app" }, { title: "policy of another repository", input: [res(REPO, "app", { name: "app" }), res(LP, "x-lp", { repository: "other", policy: "{}" })], about: "app" }],
  notApplicable: [{ title: "no repositories", input: [] }],
  unknown: [{ title: "policy's repository unknown, no dependency information", about: "app", input: [res(REPO, "app", { name: "app" }), res(LP, "app-lp", { repository: UNKNOWN, policy: "{}" })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "policy names the repository": "COMPLIANT",
  "no policy": "NON_COMPLIANT",
  "policy of another repository": "NON_COMPLIANT",
  "no repositories": "NOT_APPLICABLE",
});
