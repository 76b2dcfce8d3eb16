// codebuild-report-group-encrypted-at-rest: CodeBuild report group exports are encrypted. (FSBP CodeBuild.7)
import { at, requireFalse, settingRule } from "../../judge";

export default settingRule("codebuild-report-group-encrypted-at-rest", (p) => requireFalse(at(p, "exportConfig.s3Destination.encryptionDisabled"), "exports unencrypted test reports: remove exportConfig.s3Destination.encryptionDisabled"));
