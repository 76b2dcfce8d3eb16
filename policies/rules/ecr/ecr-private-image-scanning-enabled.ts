// ecr-private-image-scanning-enabled: repositories scan images on push, or a registry scanning rule does (FSBP ECR.1).
import { asArray, label, ofType } from "../../helpers";
import { isUnknown, stackRule, StackViolation } from "../../model";

/** Whether a registry scanning filter (with `*` wildcards) matches the repository name. */
const matches = (filter: string, name: unknown) => typeof name === "string" && new RegExp(`^${filter.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(name);

export default stackRule("ecr-private-image-scanning-enabled", (resources) => {
  const registry = ofType(resources, ["aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"]);
  const out: StackViolation[] = [];
  for (const repo of ofType(resources, ["aws:ecr/repository:Repository"])) {
    const onPush = repo.props.imageScanningConfiguration?.scanOnPush;
    if (onPush === true) continue;
    // Registry rules name repositories by filter; an unknown rule, filter or name leaves the verdict open.
    const verdicts = registry.flatMap((r): (boolean | "unknown")[] => (isUnknown(r.props.rules) ? ["unknown"] : asArray(r.props.rules).flatMap((rule): (boolean | "unknown")[] => (isUnknown(rule) || isUnknown(rule?.repositoryFilters) ? ["unknown"] : asArray(rule?.repositoryFilters).map((f) => (isUnknown(f) || isUnknown(f?.filter) || isUnknown(repo.props.name) ? "unknown" : matches(String(f?.filter), repo.props.name)))))));
    if (verdicts.includes(true)) continue;
    if (isUnknown(onPush) || isUnknown(repo.props.imageScanningConfiguration) || verdicts.includes("unknown")) {
      out.push({ resource: repo, cannotJudge: true, message: `Repository ${label(repo)}: its scan-on-push setting or the registry scanning rules are unknown until the update.` });
    } else {
      out.push({ resource: repo, message: `Repository ${label(repo)} does not scan images: set imageScanningConfiguration.scanOnPush true or add a registry scanning rule for it.` });
    }
  }
  return out;
});
