// acm rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import acmCertificateRsaCheck from "./acm-certificate-rsa-check";
import acmPcaRootCaDisabled from "./acm-pca-root-ca-disabled";

export const rules: readonly Rule[] = [acmCertificateRsaCheck, acmPcaRootCaDisabled];
