// opensearch rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import elasticsearchAuditLoggingEnabled from "./elasticsearch-audit-logging-enabled";
import elasticsearchDataNodeFaultTolerance from "./elasticsearch-data-node-fault-tolerance";
import elasticsearchEncryptedAtRest from "./elasticsearch-encrypted-at-rest";
import elasticsearchHttpsRequired from "./elasticsearch-https-required";
import elasticsearchInVpcOnly from "./elasticsearch-in-vpc-only";
import elasticsearchLogsToCloudwatch from "./elasticsearch-logs-to-cloudwatch";
import elasticsearchNodeToNodeEncryptionCheck from "./elasticsearch-node-to-node-encryption-check";
import elasticsearchPrimaryNodeFaultTolerance from "./elasticsearch-primary-node-fault-tolerance";
import opensearchAccessControlEnabled from "./opensearch-access-control-enabled";
import opensearchAuditLoggingEnabled from "./opensearch-audit-logging-enabled";
import opensearchDataNodeFaultTolerance from "./opensearch-data-node-fault-tolerance";
import opensearchEncryptedAtRest from "./opensearch-encrypted-at-rest";
import opensearchHttpsRequired from "./opensearch-https-required";
import opensearchInVpcOnly from "./opensearch-in-vpc-only";
import opensearchLogsToCloudwatch from "./opensearch-logs-to-cloudwatch";
import opensearchNodeToNodeEncryptionCheck from "./opensearch-node-to-node-encryption-check";

export const rules: readonly Rule[] = [elasticsearchAuditLoggingEnabled, elasticsearchDataNodeFaultTolerance, elasticsearchEncryptedAtRest, elasticsearchHttpsRequired, elasticsearchInVpcOnly, elasticsearchLogsToCloudwatch, elasticsearchNodeToNodeEncryptionCheck, elasticsearchPrimaryNodeFaultTolerance, opensearchAccessControlEnabled, opensearchAuditLoggingEnabled, opensearchDataNodeFaultTolerance, opensearchEncryptedAtRest, opensearchHttpsRequired, opensearchInVpcOnly, opensearchLogsToCloudwatch, opensearchNodeToNodeEncryptionCheck];
