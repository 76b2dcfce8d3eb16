// ec2 rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import ec2ClientVpnConnectionLogEnabled from "./ec2-client-vpn-connection-log-enabled";
import ec2EbsEncryptionByDefault from "./ec2-ebs-encryption-by-default";
import ec2Imdsv2Check from "./ec2-imdsv2-check";
import ec2InstanceMultipleEniCheck from "./ec2-instance-multiple-eni-check";
import ec2InstanceNoPublicIp from "./ec2-instance-no-public-ip";
import ec2InstanceProfileAttached from "./ec2-instance-profile-attached";
import ec2LaunchTemplatePublicIpDisabled from "./ec2-launch-template-public-ip-disabled";
import ec2TransitGatewayAutoVpcAttachDisabled from "./ec2-transit-gateway-auto-vpc-attach-disabled";
import encryptedVolumes from "./encrypted-volumes";
import naclNoUnrestrictedSshRdp from "./nacl-no-unrestricted-ssh-rdp";
import restrictedCommonPorts from "./restricted-common-ports";
import restrictedSsh from "./restricted-ssh";
import subnetAutoAssignPublicIpDisabled from "./subnet-auto-assign-public-ip-disabled";
import vpcDefaultSecurityGroupClosed from "./vpc-default-security-group-closed";
import vpcFlowLogsEnabled from "./vpc-flow-logs-enabled";
import vpcSgOpenOnlyToAuthorizedPorts from "./vpc-sg-open-only-to-authorized-ports";

export const rules: readonly Rule[] = [ec2ClientVpnConnectionLogEnabled, ec2EbsEncryptionByDefault, ec2Imdsv2Check, ec2InstanceMultipleEniCheck, ec2InstanceNoPublicIp, ec2InstanceProfileAttached, ec2LaunchTemplatePublicIpDisabled, ec2TransitGatewayAutoVpcAttachDisabled, encryptedVolumes, naclNoUnrestrictedSshRdp, restrictedCommonPorts, restrictedSsh, subnetAutoAssignPublicIpDisabled, vpcDefaultSecurityGroupClosed, vpcFlowLogsEnabled, vpcSgOpenOnlyToAuthorizedPorts];
