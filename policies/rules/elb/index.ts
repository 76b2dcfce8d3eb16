// elb rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import albDesyncModeCheck from "./alb-desync-mode-check";
import albHttpDropInvalidHeaderEnabled from "./alb-http-drop-invalid-header-enabled";
import albHttpToHttpsRedirectionCheck from "./alb-http-to-https-redirection-check";
import albWafEnabled from "./alb-waf-enabled";
import clbDesyncModeCheck from "./clb-desync-mode-check";
import clbMultipleAz from "./clb-multiple-az";
import elbAcmCertificateRequired from "./elb-acm-certificate-required";
import elbConnectionDrainingEnabled from "./elb-connection-draining-enabled";
import elbCrossZoneLoadBalancingEnabled from "./elb-cross-zone-load-balancing-enabled";
import elbDeletionProtectionEnabled from "./elb-deletion-protection-enabled";
import elbLoggingEnabled from "./elb-logging-enabled";
import elbTlsHttpsListenersOnly from "./elb-tls-https-listeners-only";
import elbv2MultipleAz from "./elbv2-multiple-az";

export const rules: readonly Rule[] = [albDesyncModeCheck, albHttpDropInvalidHeaderEnabled, albHttpToHttpsRedirectionCheck, albWafEnabled, clbDesyncModeCheck, clbMultipleAz, elbAcmCertificateRequired, elbConnectionDrainingEnabled, elbCrossZoneLoadBalancingEnabled, elbDeletionProtectionEnabled, elbLoggingEnabled, elbTlsHttpsListenersOnly, elbv2MultipleAz];
