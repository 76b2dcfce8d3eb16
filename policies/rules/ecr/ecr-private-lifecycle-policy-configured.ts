// ecr-private-lifecycle-policy-configured: every repository has a LifecyclePolicy naming it (FSBP ECR.3).
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("ecr-private-lifecycle-policy-configured", (resources) => {
  const policies = ofType(resources, ["aws:ecr/lifecyclePolicy:LifecyclePolicy"]);
  return ofType(resources, ["aws:ecr/repository:Repository"]).flatMap((repo) => {
    const verdict = coverage(repo, policies, "repository");
    if (verdict === "covered") return [];
    if (verdict === "unknown") return [{ resource: repo, cannotJudge: true as const, message: `Repository ${label(repo)}: a lifecycle policy names a repository unknown until the update.` }];
    return [{ resource: repo, message: `Repository ${label(repo)} has no lifecycle policy: add aws.ecr.LifecyclePolicy for it.` }];
  });
});
