import { res, ruleCases, UNKNOWN } from "../cases";

const REPO = "aws:ecr/repository:Repository";
const LP = "aws:ecr/lifecyclePolicy:LifecyclePolicy";

export default ruleCases({
  compliant: [{ title: "policy names the repository", input: [res(REPO, "app", { name: "app" }), res(LP, "app-lp", { repository: "app", policy: "{}" })] }],
  violating: [{ title: "no policy", input: [res(REPO, "app", { name: "app" })], about: "app" }, { title: "policy of another repository", input: [res(REPO, "app", { name: "app" }), res(LP, "x-lp", { repository: "other", policy: "{}" })], about: "app" }],
  notApplicable: [{ title: "no repositories", input: [] }],
  unknown: [{ title: "policy's repository unknown, no dependency information", about: "app", input: [res(REPO, "app", { name: "app" }), res(LP, "app-lp", { repository: UNKNOWN, policy: "{}" })] }],
});
