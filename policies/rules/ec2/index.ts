// ec2 rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import ec2EbsEncryptionByDefault from "./ec2-ebs-encryption-by-default";
import ec2Imdsv2Check from "./ec2-imdsv2-check";
import ec2InstanceNoPublicIp from "./ec2-instance-no-public-ip";
import ec2InstanceProfileAttached from "./ec2-instance-profile-attached";
import encryptedVolumes from "./encrypted-volumes";
import restrictedCommonPorts from "./restricted-common-ports";
import restrictedSsh from "./restricted-ssh";
import vpcDefaultSecurityGroupClosed from "./vpc-default-security-group-closed";
import vpcFlowLogsEnabled from "./vpc-flow-logs-enabled";
import vpcSgOpenOnlyToAuthorizedPorts from "./vpc-sg-open-only-to-authorized-ports";

export const rules: readonly Rule[] = [ec2EbsEncryptionByDefault, ec2Imdsv2Check, ec2InstanceNoPublicIp, ec2InstanceProfileAttached, encryptedVolumes, restrictedCommonPorts, restrictedSsh, vpcDefaultSecurityGroupClosed, vpcFlowLogsEnabled, vpcSgOpenOnlyToAuthorizedPorts];
