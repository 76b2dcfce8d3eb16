// ecr rules, one file each (named after the AWS Config rule it enforces).
import type { Rule } from "../../model";
import ecrPrivateImageScanningEnabled from "./ecr-private-image-scanning-enabled";
import ecrPrivateLifecyclePolicyConfigured from "./ecr-private-lifecycle-policy-configured";
import ecrPrivateTagImmutabilityEnabled from "./ecr-private-tag-immutability-enabled";

export const rules: readonly Rule[] = [ecrPrivateImageScanningEnabled, ecrPrivateLifecyclePolicyConfigured, ecrPrivateTagImmutabilityEnabled];
