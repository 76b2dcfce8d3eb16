// ecr-private-lifecycle-policy-configured: every repository has a LifecyclePolicy naming it (FSBP ECR.3).
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("ecr-private-lifecycle-policy-configured", (resources) => {
  const policies = ofType(resources, ["aws:ecr/lifecyclePolicy:LifecyclePolicy"]);
  return ofType(resources, ["aws:ecr/repository:Repository"])
    .filter((repo) => coverage(repo, policies, "repository") === "uncovered")
    .map((repo) => ({ resource: repo, message: `Repository ${label(repo)} has no lifecycle policy: add aws.ecr.LifecyclePolicy for it.` }));
});
