// codebuild rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import codebuildProjectEnvironmentPrivilegedCheck from "./codebuild-project-environment-privileged-check";
import codebuildProjectEnvvarAwscredCheck from "./codebuild-project-envvar-awscred-check";
import codebuildProjectLoggingEnabled from "./codebuild-project-logging-enabled";
import codebuildProjectS3LogsEncrypted from "./codebuild-project-s3-logs-encrypted";
import codebuildProjectSourceRepoUrlCheck from "./codebuild-project-source-repo-url-check";
import codebuildReportGroupEncryptedAtRest from "./codebuild-report-group-encrypted-at-rest";

export const rules: readonly Rule[] = [codebuildProjectEnvironmentPrivilegedCheck, codebuildProjectEnvvarAwscredCheck, codebuildProjectLoggingEnabled, codebuildProjectS3LogsEncrypted, codebuildProjectSourceRepoUrlCheck, codebuildReportGroupEncryptedAtRest];
