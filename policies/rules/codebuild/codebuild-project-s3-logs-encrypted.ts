// codebuild-project-s3-logs-encrypted: CodeBuild projects encrypt the logs they write to S3. (FSBP CodeBuild.3)
import { at, requireFalse, settingRule } from "../../judge";

export default settingRule("codebuild-project-s3-logs-encrypted", (p) => requireFalse(at(p, "logsConfig.s3Logs.encryptionDisabled"), "writes unencrypted S3 logs: remove logsConfig.s3Logs.encryptionDisabled"));
