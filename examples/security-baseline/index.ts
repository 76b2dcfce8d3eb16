import * as kamae from "kamae";

// Deploy once per account and Region: the multi-region trail, GuardDuty, Security Hub with the AWS Foundational
// standard, AWS Config with the policy catalog as managed rules, account-level S3 Block Public Access and EBS encryption
// by default. Workload stacks then declare these "managedExternally" in their policy config (see ../instance-isolation).
const baseline = new kamae.SecurityBaseline("baseline", {
  securityHubStandards: ["aws-foundational-security-best-practices/v/1.0.0"],
  requiredApplications: ["amazon-ssm-agent"],
});

export const trailArn = baseline.trailArn;
export const auditBucketName = baseline.auditBucketName;
export const configRuleNames = baseline.configRuleNames;
