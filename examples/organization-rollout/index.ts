import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// The accounts of an organization unit, each given Kamae's per-account pieces through its own providers: the security
// baseline (trail, GuardDuty, Security Hub, AWS Config with the policy catalog, S3 Block Public Access, EBS encryption),
// the agent rollout (Workload Security through SSM Distributor), and the MemberAccountAccess role and event forwarding
// that let the central responders act there. Run with the credentials of the account that may assume `deployRoleName` in every
// listed account (the management account, or a delegated deployment account). One stack holds one batch of accounts:
// see components/member-account-access/README.md (organization rollout) for sharding 300 accounts.
const config = new pulumi.Config();

interface Account {
  readonly accountId: string;
  /** A short name, for the resources' names. */
  readonly name: string;
  /** Regions to roll the agent out in (default: the stack's Region). */
  readonly regions?: string[];
  /** The central responders that act in this account (default instance-isolation). */
  readonly responders?: kamae.CentralResponder[];
}

const accounts = config.requireObject<Account[]>("accounts");
const centralAccountId = config.require("centralAccountId");
const externalId = config.requireSecret("externalId");
const agentToken = config.requireSecret("agentToken");
const deployRoleName = config.get("deployRoleName") ?? "OrganizationAccountAccessRole";
/** GuardDuty is enabled for the members by the organization's delegated administrator (so the baseline leaves it). */
const guardDutyByOrganization = config.getBoolean("guardDutyByOrganization") ?? false;
const homeRegion = aws.config.region ?? "us-east-1";

const names = new Set<string>();
for (const account of accounts) {
  if (!/^\d{12}$/.test(account.accountId)) throw new Error(`accounts: "${account.accountId}" is not a 12-digit account id`);
  if (!/^[a-z0-9-]{1,40}$/.test(account.name) || names.has(account.name)) throw new Error(`accounts: name "${account.name}" must be unique, lowercase letters, digits and dashes`);
  names.add(account.name);
}

const provider = (account: Account, region: string) =>
  new aws.Provider(`${account.name}-${region}`, {
    region: region as aws.Region,
    assumeRoles: [{ roleArn: `arn:aws:iam::${account.accountId}:role/${deployRoleName}`, sessionName: "kamae-organization-rollout" }],
    // A provider that reaches the wrong account fails instead of deploying there.
    allowedAccountIds: [account.accountId],
  });

export const memberRoleArns: Record<string, pulumi.Output<string>> = {};
for (const account of accounts) {
  const regions = [...new Set(account.regions ?? [homeRegion])];
  const providers = new Map(regions.map((region) => [region, provider(account, region)]));
  // IAM is global: the role that the central responders assume is created once per account, in its first Region
  // (where its security events are forwarded from too).
  const access = new kamae.MemberAccountAccess(
    `${account.name}-access`,
    { centralAccountId, externalId, responders: account.responders ?? ["instance-isolation"] },
    { provider: providers.get(regions[0]) },
  );
  memberRoleArns[account.accountId] = access.roleArn;
  for (const [i, region] of regions.entries()) {
    new kamae.SecurityBaseline(
      `${account.name}-${region}-baseline`,
      {
        // One multi-Region trail per account, from its first Region.
        cloudTrail: i === 0,
        guardDuty: !guardDutyByOrganization,
        securityHubStandards: ["aws-foundational-security-best-practices/v/1.0.0"],
        requiredApplications: ["amazon-ssm-agent"],
      },
      { provider: providers.get(region) },
    );
    new kamae.AgentRollout(
      `${account.name}-${region}-agent`,
      {
        activationUrl: config.get("activationUrl") ?? "dsm://agents.deepsecurity.trendmicro.com:443/",
        managerUrl: config.get("managerUrl") ?? "https://app.deepsecurity.trendmicro.com:443",
        tenantId: config.require("tenantId"),
        token: agentToken,
        maxConcurrency: "10%",
        maxErrors: "5%",
      },
      { provider: providers.get(region) },
    );
  }
}
