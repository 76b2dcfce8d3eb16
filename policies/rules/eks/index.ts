// eks rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import eksClusterLogEnabled from "./eks-cluster-log-enabled";
import eksClusterSupportedVersion from "./eks-cluster-supported-version";
import eksEndpointNoPublicAccess from "./eks-endpoint-no-public-access";
import eksSecretsEncrypted from "./eks-secrets-encrypted";

export const rules: readonly Rule[] = [eksClusterLogEnabled, eksClusterSupportedVersion, eksEndpointNoPublicAccess, eksSecretsEncrypted];
