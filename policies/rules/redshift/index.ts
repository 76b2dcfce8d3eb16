// redshift rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import redshiftBackupEnabled from "./redshift-backup-enabled";
import redshiftAuditLoggingEnabled from "./redshift-audit-logging-enabled";
import redshiftClusterKmsEnabled from "./redshift-cluster-kms-enabled";
import redshiftClusterMaintenancesettingsCheck from "./redshift-cluster-maintenancesettings-check";
import redshiftClusterPublicAccessCheck from "./redshift-cluster-public-access-check";
import redshiftDefaultAdminCheck from "./redshift-default-admin-check";
import redshiftDefaultDbNameCheck from "./redshift-default-db-name-check";
import redshiftEnhancedVpcRoutingEnabled from "./redshift-enhanced-vpc-routing-enabled";

export const rules: readonly Rule[] = [redshiftBackupEnabled, redshiftAuditLoggingEnabled, redshiftClusterKmsEnabled, redshiftClusterMaintenancesettingsCheck, redshiftClusterPublicAccessCheck, redshiftDefaultAdminCheck, redshiftDefaultDbNameCheck, redshiftEnhancedVpcRoutingEnabled];
