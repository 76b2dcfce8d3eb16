// ecr-private-image-scanning-enabled: repositories scan images on push, or a registry scanning rule does (FSBP ECR.1).
import { asArray, label, ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

/** Whether a registry scanning filter (with `*` wildcards) matches the repository name. */
const matches = (filter: string, name: unknown) => typeof name === "string" && new RegExp(`^${filter.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(name);

export default stackRule("ecr-private-image-scanning-enabled", (resources) => {
  const registry = ofType(resources, ["aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"]);
  return ofType(resources, ["aws:ecr/repository:Repository"])
    .filter((repo) => {
      const onPush = repo.props.imageScanningConfiguration?.scanOnPush;
      if (onPush === true || isUnknown(onPush) || isUnknown(repo.props.imageScanningConfiguration)) return false;
      // Registry rules name repositories by filter; an unknown rule or name cannot be judged.
      return !registry.some((r) =>
        isUnknown(r.props.rules) ||
        asArray(r.props.rules).some((rule) => isUnknown(rule) || asArray(rule?.repositoryFilters).some((f) => isUnknown(f) || isUnknown(f?.filter) || isUnknown(repo.props.name) || matches(String(f?.filter), repo.props.name))),
      );
    })
    .map((repo) => ({ resource: repo, message: `Repository ${label(repo)} does not scan images: set imageScanningConfiguration.scanOnPush true or add a registry scanning rule for it.` }));
});
