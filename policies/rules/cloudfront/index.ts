// cloudfront rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cloudfrontAccesslogsEnabled from "./cloudfront-accesslogs-enabled";
import cloudfrontAssociatedWithWaf from "./cloudfront-associated-with-waf";
import cloudfrontCustomSslCertificate from "./cloudfront-custom-ssl-certificate";
import cloudfrontDefaultRootObjectConfigured from "./cloudfront-default-root-object-configured";
import cloudfrontNoDeprecatedSslProtocols from "./cloudfront-no-deprecated-ssl-protocols";
import cloudfrontOriginFailoverEnabled from "./cloudfront-origin-failover-enabled";
import cloudfrontS3OriginAccessControlEnabled from "./cloudfront-s3-origin-access-control-enabled";
import cloudfrontSniEnabled from "./cloudfront-sni-enabled";
import cloudfrontTrafficToOriginEncrypted from "./cloudfront-traffic-to-origin-encrypted";
import cloudfrontViewerPolicyHttps from "./cloudfront-viewer-policy-https";

export const rules: readonly Rule[] = [cloudfrontAccesslogsEnabled, cloudfrontAssociatedWithWaf, cloudfrontCustomSslCertificate, cloudfrontDefaultRootObjectConfigured, cloudfrontNoDeprecatedSslProtocols, cloudfrontOriginFailoverEnabled, cloudfrontS3OriginAccessControlEnabled, cloudfrontSniEnabled, cloudfrontTrafficToOriginEncrypted, cloudfrontViewerPolicyHttps];
