import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { AccountAccessEnv as E, DEFAULT_SESSION_NAME } from "../runtime/account-access";
import { ConfigurationError, list, optionalString } from "../runtime/env";

/** Where an event says something happened, and so where a responder must act. */
export interface ActionTarget {
  readonly accountId: string;
  readonly region: string;
}

export class AccountNotEnrolledError extends Error {
  override name = "AccountNotEnrolledError";
}

export interface AccountAccessSettings {
  /** The account the function runs in: acted on with the function's own credentials. */
  readonly homeAccountId?: string;
  /** Member accounts the responders may act in, through `memberRoleName`. */
  readonly memberAccountIds: readonly string[];
  /** Name of the role that MemberAccountAccess creates in each member account. */
  readonly memberRoleName?: string;
  readonly externalId?: string;
  /** Regions the responders may act in; empty means any. */
  readonly allowedRegions?: readonly string[];
  /** Session name shown in the member account's CloudTrail. */
  readonly sessionName: string;
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  return "aws";
}

/** Reads the settings that the components set (documented in every responder's README). */
export function accountAccessFromEnv(env: Record<string, string | undefined> = process.env): AccountAccessSettings {
  const settings: AccountAccessSettings = {
    homeAccountId: optionalString(E.homeAccountId, env),
    memberAccountIds: list(E.memberAccountIds, env),
    memberRoleName: optionalString(E.memberRoleName, env),
    externalId: optionalString(E.externalId, env),
    allowedRegions: list(E.allowedRegions, env),
    sessionName: optionalString(E.sessionName, env) ?? DEFAULT_SESSION_NAME,
  };
  for (const id of [settings.homeAccountId, ...settings.memberAccountIds]) {
    if (id !== undefined && !ACCOUNT.test(id)) throw new ConfigurationError(`"${id}" is not a 12-digit AWS account id`);
  }
  if (settings.memberAccountIds.length > 0 && !settings.memberRoleName) {
    throw new ConfigurationError(`${E.memberRoleName} is required when ${E.memberAccountIds} is set`);
  }
  return settings;
}

/**
 * The account and Region of an SQS queue, from its URL. AWS's own hosts name the Region; any other host (a VPC
 * endpoint's private DNS, an emulator) does not, and the queue is then taken to be in `defaultRegion`, the
 * function's own. The path is always `/<account>/<queue name>`.
 */
export function queueUrlTarget(url: string, defaultRegion: string | undefined): ActionTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(`"${url}" is not an SQS queue URL`);
  }
  const path = /^\/(\d{12})\/[\w-]{1,80}$/.exec(parsed.pathname);
  if (!path || !/^https?:$/.test(parsed.protocol) || parsed.search !== "" || parsed.hash !== "") throw new ConfigurationError(`"${url}" is not an SQS queue URL`);
  const named = /^(?:sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|([a-z0-9-]+)\.queue\.amazonaws\.com(?:\.cn)?)$/.exec(parsed.hostname);
  if (/amazonaws\.com(\.cn)?$/.test(parsed.hostname) && (!named || parsed.protocol !== "https:")) throw new ConfigurationError(`"${url}" is not an SQS queue URL`);
  const region = named ? (named[1] ?? named[2]) : defaultRegion;
  if (!region) throw new ConfigurationError(`"${url}" names no Region and the function's Region (AWS_REGION) is not set`);
  return { accountId: path[1], region };
}

type ClientConstructor<C> = new (config: { region: string; credentials?: AwsCredentialIdentityProvider }) => C;

interface CachedCredentials {
  readonly identity: AwsCredentialIdentity;
  readonly refreshAfter: number;
}

/** Credentials are refreshed this long before they expire, so a long response never runs on expiring keys. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * SDK clients for the account and Region an event names. The home account is acted on with the function's own
 * credentials; an enrolled member account through its MemberAccountAccess role (external id, credentials cached until
 * shortly before expiry); any other account is refused, so a forged or misrouted event cannot make a responder act
 * somewhere it was not enrolled.
 */
export class AccountClients {
  private readonly clients = new Map<string, unknown>();
  private readonly credentials = new Map<string, CachedCredentials>();
  private readonly refreshing = new Map<string, Promise<CachedCredentials>>();

  constructor(
    readonly settings: AccountAccessSettings,
    private readonly deps: { sts?: (region: string) => STSClient; now?: () => number } = {},
  ) {}

  /** Throws AccountNotEnrolledError (with the reason) unless the responders may act in this account and Region. */
  check(target: ActionTarget): void {
    if (!ACCOUNT.test(target.accountId)) throw new AccountNotEnrolledError(`"${target.accountId}" is not an AWS account id`);
    if (!REGION.test(target.region)) throw new AccountNotEnrolledError(`"${target.region}" is not an AWS Region`);
    const regions = this.settings.allowedRegions ?? [];
    if (regions.length > 0 && !regions.includes(target.region)) {
      throw new AccountNotEnrolledError(`Region ${target.region} is not one the responders may act in`);
    }
    if (this.isHome(target.accountId)) return;
    if (!this.settings.memberAccountIds.includes(target.accountId)) {
      throw new AccountNotEnrolledError(`account ${target.accountId} is not enrolled (no MemberAccountAccess for it)`);
    }
  }

  /** A client of the given SDK class for the target; the same instance for the same account and Region. */
  client<C>(ctor: ClientConstructor<C>, target: ActionTarget): C {
    this.check(target);
    const key = `${ctor.name}/${target.accountId}/${target.region}`;
    let client = this.clients.get(key) as C | undefined;
    if (!client) {
      client = this.isHome(target.accountId)
        ? new ctor({ region: target.region })
        : new ctor({ region: target.region, credentials: () => this.memberCredentials(target) });
      this.clients.set(key, client);
    }
    return client;
  }

  private isHome(accountId: string): boolean {
    // Without a home account (a single-account deployment under test) every enrolled check falls to the member list,
    // except when no member list exists either: then the function acts only with its own credentials.
    if (this.settings.homeAccountId === undefined) return this.settings.memberAccountIds.length === 0;
    return accountId === this.settings.homeAccountId;
  }

  private async memberCredentials(target: ActionTarget): Promise<AwsCredentialIdentity> {
    const cached = this.credentials.get(target.accountId);
    if (cached && cached.refreshAfter > (this.deps.now ?? Date.now)()) return cached.identity;
    // Check and claim the refresh before any await, so concurrent calls share one AssumeRole.
    let pending = this.refreshing.get(target.accountId);
    if (!pending) {
      pending = this.assumeMemberRole(target)
        .then((fresh) => {
          this.credentials.set(target.accountId, fresh);
          return fresh;
        })
        .finally(() => this.refreshing.delete(target.accountId));
      this.refreshing.set(target.accountId, pending);
    }
    return (await pending).identity;
  }

  private async assumeMemberRole(target: ActionTarget): Promise<CachedCredentials> {
    const roleArn = `arn:${partitionOf(target.region)}:iam::${target.accountId}:role/${this.settings.memberRoleName}`;
    const sts = this.deps.sts ? this.deps.sts(target.region) : new STSClient({ region: target.region });
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: this.settings.sessionName,
        ExternalId: this.settings.externalId,
        DurationSeconds: 3600,
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.Expiration) throw new Error(`AssumeRole of ${roleArn} returned no credentials`);
    const expiration = new Date(c.Expiration);
    return {
      identity: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration },
      refreshAfter: expiration.getTime() - REFRESH_MARGIN_MS,
    };
  }
}
