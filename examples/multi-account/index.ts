import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as kamae from "kamae";

// One program, run with the central security account's credentials: the responders are deployed once, in the central
// account, and act in the two member accounts through the MemberAccountAccess role deployed into each of them (through
// a provider per member account that assumes the organization's account-access role).
const config = new pulumi.Config();
const region = aws.config.region ?? "us-east-1";
const centralAccountId = aws.getCallerIdentityOutput().accountId;

interface Member {
  /** The member account. */
  readonly accountId: string;
  /** A bucket of it whose uploads GuardDuty Malware Protection scans. */
  readonly uploadsBucket: string;
}
const members = config.getObject<Member[]>("members") ?? [
  { accountId: "222222222222", uploadsBucket: "project-a-uploads" },
  { accountId: "333333333333", uploadsBucket: "project-b-uploads" },
];
/** The role the deployment assumes in each member account (AWS Organizations creates this one in new accounts). */
const deployRoleName = config.get("deployRoleName") ?? "OrganizationAccountAccessRole";
const centralUploadsBucket = config.get("centralUploadsBucket") ?? "security-tools-uploads";

// The confused-deputy guard: the member roles trust the central account only with this id. Random, kept in the state.
const externalId = new random.RandomPassword("external-id", { length: 40, special: false }).result;
const memberAccounts = { accountIds: members.map((m) => m.accountId), roleName: kamae.DEFAULT_MEMBER_ROLE_NAME, externalId };

// ---- central account ----
// Isolation swaps an instance profile by name: the same name must exist in every account (MemberAccountAccess creates
// it in the members; here it is created for the central account's own instances).
const isolationRole = new aws.iam.Role("isolation-role", {
  name: `${kamae.DEFAULT_ISOLATION_PROFILE_NAME}-role`,
  description: "Kamae: role of isolated instances; grants nothing",
  assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
});
const isolationProfile = new aws.iam.InstanceProfile("isolation-profile", { name: kamae.DEFAULT_ISOLATION_PROFILE_NAME, role: isolationRole.name });

const isolation = new kamae.InstanceIsolation("isolation", {
  mode: config.get("mode") === "enforce" ? "enforce" : "detect",
  isolationInstanceProfileName: isolationProfile.name,
  circuitBreaker: { maxIsolations: 3, windowSeconds: 3600 },
  notifications: { emails: config.getObject<string[]>("emails") ?? [] },
  memberAccounts,
});

const quarantine = new kamae.MalwareQuarantine("quarantine", {
  // The scan-result rule matches by bucket name, so the members' buckets are listed too; their objects are moved with
  // the member role's credentials.
  guardDutyBucketNames: { central: centralUploadsBucket, ...Object.fromEntries(members.map((m) => [m.accountId, m.uploadsBucket])) },
  mode: config.get("mode") === "enforce" ? "enforce" : "detect",
  memberAccounts,
});

// The members forward their security events to the central default bus, where the responders' rules listen.
new kamae.CentralEventBusAccess("central-bus", { memberAccountIds: members.map((m) => m.accountId) });

// ---- member accounts ----
const memberRoles: Record<string, pulumi.Output<string>> = {};
for (const member of members) {
  const provider = new aws.Provider(`account-${member.accountId}`, {
    region: region as aws.Region,
    assumeRoles: [{ roleArn: `arn:aws:iam::${member.accountId}:role/${deployRoleName}`, sessionName: "kamae-deploy" }],
  });
  const access = new kamae.MemberAccountAccess(
    `member-${member.accountId}`,
    {
      centralAccountId,
      externalId,
      responders: ["instance-isolation", "malware-quarantine"],
      quarantineSourceBucketNames: [member.uploadsBucket],
      quarantineBucketName: quarantine.quarantineBucketName,
      // A created quarantine bucket always has its own key.
      quarantineKmsKeyArn: quarantine.quarantineKmsKeyArn as pulumi.Output<string>,
      forwardEvents: ["guardduty-findings", "malware-scan-results"],
    },
    { provider },
  );
  memberRoles[member.accountId] = access.roleArn;
}

export const isolationReportTopicArn = isolation.reportTopicArn;
export const quarantineBucketName = quarantine.quarantineBucketName;
export const memberRoleArns = memberRoles;
