// codebuild-project-envvar-awscred-check: CodeBuild projects hold no AWS credentials in plain-text environment variables. (FSBP CodeBuild.2)
import { asArray } from "../../helpers";
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("codebuild-project-envvar-awscred-check", (p) => {
  const vars = at(p, "environment.environmentVariables");
  if (isUnknown(vars) || asArray(vars).some((v) => isUnknown(v?.name) || isUnknown(v?.type))) return UNKNOWN;
  const bad = asArray(vars).filter((v) => ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].includes(v?.name) && (v.type ?? "PLAINTEXT") === "PLAINTEXT");
  return bad.length ? `holds ${bad.map((v) => v.name).join(", ")} in plain text: use the service role, or a SECRETS_MANAGER variable` : undefined;
});
