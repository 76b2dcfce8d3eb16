/**
 * The environment variables through which ResponderFunction tells every function where it may act (read by
 * `accountAccessFromEnv` in shared/aws/account-clients.ts); apart from it so infrastructure code can import the names
 * without the AWS SDK.
 */
export const AccountAccessEnv = {
  homeAccountId: "KAMAE_HOME_ACCOUNT_ID",
  memberAccountIds: "KAMAE_MEMBER_ACCOUNT_IDS",
  memberRoleName: "KAMAE_MEMBER_ROLE_NAME",
  externalId: "KAMAE_EXTERNAL_ID",
  allowedRegions: "KAMAE_ALLOWED_REGIONS",
  /** The role session name shown in member accounts' CloudTrail. */
  sessionName: "KAMAE_SESSION_NAME",
} as const;

export const DEFAULT_SESSION_NAME = "kamae-responder";
