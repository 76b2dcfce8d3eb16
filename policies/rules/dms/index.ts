// dms rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import dmsAutoMinorVersionUpgradeCheck from "./dms-auto-minor-version-upgrade-check";
import dmsEndpointSslConfigured from "./dms-endpoint-ssl-configured";
import dmsReplicationNotPublic from "./dms-replication-not-public";
import dmsReplicationTaskSourcedbLogging from "./dms-replication-task-sourcedb-logging";
import dmsReplicationTaskTargetdbLogging from "./dms-replication-task-targetdb-logging";

export const rules: readonly Rule[] = [dmsAutoMinorVersionUpgradeCheck, dmsEndpointSslConfigured, dmsReplicationNotPublic, dmsReplicationTaskSourcedbLogging, dmsReplicationTaskTargetdbLogging];
