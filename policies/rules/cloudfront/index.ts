// cloudfront rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import cloudfrontAccesslogsEnabled from "./cloudfront-accesslogs-enabled";
import cloudfrontAssociatedWithWaf from "./cloudfront-associated-with-waf";
import cloudfrontViewerPolicyHttps from "./cloudfront-viewer-policy-https";

export const rules: readonly Rule[] = [cloudfrontAccesslogsEnabled, cloudfrontAssociatedWithWaf, cloudfrontViewerPolicyHttps];
