// codebuild-project-source-repo-url-check: CodeBuild source repository URLs carry no credentials. (FSBP CodeBuild.1)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("codebuild-project-source-repo-url-check", (p) => {
  const locations = [p.source, ...asArray(p.secondarySources)].map((s) => s?.location);
  if (isUnknown(p.source) || locations.some(isUnknown)) return UNKNOWN;
  return locations.some((l) => typeof l === "string" && /^https?:\/\/[^/]*@/.test(l)) ? "has credentials in a source repository URL: remove them and use a source credential or connection" : undefined;
});
