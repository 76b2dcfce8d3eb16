// codebuild-project-environment-privileged-check: CodeBuild project environments are not privileged. (FSBP CodeBuild.5)
import { at, requireFalse, settingRule } from "../../judge";

export default settingRule("codebuild-project-environment-privileged-check", (p) => requireFalse(at(p, "environment.privilegedMode"), "builds in privileged mode (root on the build host): set environment.privilegedMode false unless it builds Docker images"));
