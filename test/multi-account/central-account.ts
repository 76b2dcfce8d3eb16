import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { AccountClients, accountAccessFromEnv } from "../../components/shared/aws/account-clients";
import { awsError, FakeClock } from "../harness/aws";

/** The central security account the responders run in, and the member accounts enrolled with MemberAccountAccess. */
export const CENTRAL = "111122223333";
export const MEMBER_A = "222233334444";
export const MEMBER_B = "555566667777";
export const STRANGER = "888899990000";
export const ROLE_NAME = "kamae-central-responder";
export const EXTERNAL_ID = "kamae-7f3a9c2e";

/** The settings a component passes its function when given `memberAccounts` (see the responders' index.ts). */
export const MEMBER_ENV = {
  KAMAE_HOME_ACCOUNT_ID: CENTRAL,
  KAMAE_MEMBER_ACCOUNT_IDS: `${MEMBER_A},${MEMBER_B}`,
  KAMAE_MEMBER_ROLE_NAME: ROLE_NAME,
  KAMAE_EXTERNAL_ID: EXTERNAL_ID,
  KAMAE_SESSION_NAME: "kamae-central-test",
};

export interface Assumption {
  readonly roleArn: string;
  readonly externalId?: string;
  readonly sessionName: string;
  readonly stsRegion: string;
  readonly accessKeyId: string;
}

/**
 * STS as the member roles' trust policies make it behave: only the MemberAccountAccess role of an enrolled account can
 * be assumed, only with the external id, for at most the role's maximum session (3600 s); the keys it issues name the
 * account, so a test can tell which account a client's credentials belong to.
 */
export class FakeSts {
  // In the past of the real clock: the SDK's own memoization (on real time) then asks AccountClients for credentials on
  // every call, so what the tests see is AccountClients' caching on this clock, not the SDK's.
  readonly clock = new FakeClock(Date.parse("2020-06-01T00:00:00Z"));
  readonly assumptions: Assumption[] = [];
  private readonly mock = mockClient(STSClient);

  constructor(private readonly roles: readonly string[] = [MEMBER_A, MEMBER_B].map((id) => `arn:aws:iam::${id}:role/${ROLE_NAME}`)) {
    this.mock.on(AssumeRoleCommand).callsFake(async (input, getClient) => {
      const arn = input.RoleArn ?? "";
      if (!this.roles.includes(arn)) throw awsError("AccessDenied", `User is not authorized to perform: sts:AssumeRole on resource: ${arn}`, { httpStatusCode: 403 });
      if (input.ExternalId !== EXTERNAL_ID) throw awsError("AccessDenied", `User is not authorized to perform: sts:AssumeRole on resource: ${arn}`, { httpStatusCode: 403 });
      if (!/^[\w+=,.@-]{2,64}$/.test(input.RoleSessionName ?? "")) throw awsError("ValidationError", "RoleSessionName is invalid");
      if ((input.DurationSeconds ?? 3600) > 3600) throw awsError("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
      const account = arn.split(":")[4];
      const accessKeyId = `ASIA${account}${String(this.assumptions.length + 1).padStart(4, "0")}`;
      this.assumptions.push({ roleArn: arn, externalId: input.ExternalId, sessionName: input.RoleSessionName!, stsRegion: await getClient().config.region(), accessKeyId });
      const expiration = new Date(this.clock.now() + (input.DurationSeconds ?? 3600) * 1000);
      return { Credentials: { AccessKeyId: accessKeyId, SecretAccessKey: "secret", SessionToken: "token", Expiration: expiration }, AssumedRoleUser: { Arn: `${arn}/${input.RoleSessionName}`, AssumedRoleId: "AROAEXAMPLE" } };
    });
  }

  /** The account whose keys these are (the fake encodes it), or "home" for the function's own credentials. */
  static accountOfKey(accessKeyId: string): string {
    const m = /^ASIA(\d{12})\d{4}$/.exec(accessKeyId);
    if (!m) throw new Error(`${accessKeyId} was not issued by AssumeRole`);
    return m[1];
  }

  /** The AccountClients a central function builds from its environment, on this fake's clock and STS. */
  clients(env: Record<string, string> = MEMBER_ENV): AccountClients {
    return new AccountClients(accountAccessFromEnv(env), { sts: (region) => new STSClient({ region }), now: this.clock.now });
  }

  restore(): void {
    this.mock.restore();
  }
}

interface StubbedSend {
  getCalls(): Array<{ thisValue: unknown; args: unknown[] }>;
}

/** The client instances that `send` was called on for a mocked SDK client class, with the command names. */
export function sentBy(clientClass: { prototype: { send: unknown } }): Array<{ client: ClientLike; command: string }> {
  const send = clientClass.prototype.send as Partial<StubbedSend>;
  if (typeof send.getCalls !== "function") throw new Error("the client class is not mocked");
  return send.getCalls().map((c) => ({ client: c.thisValue as ClientLike, command: (c.args[0] as object).constructor.name }));
}

export interface ClientLike {
  config: { region: () => Promise<string>; credentials: () => Promise<{ accessKeyId: string; expiration?: Date }> };
}

/** Where a client acts: its Region and the account its credentials were issued for (resolving them, as signing does). */
export async function whereActs(client: ClientLike): Promise<{ region: string; account: string }> {
  const region = await client.config.region();
  const { accessKeyId } = await client.config.credentials();
  return { region, account: FakeSts.accountOfKey(accessKeyId) };
}

/**
 * Makes the mocked `send` of these client classes resolve the client's credentials first, as the SDK's signer does:
 * an AssumeRole that fails makes the call fail, and credentials are obtained when calls are made. Undone by the
 * fakes' own `restore()` (which puts the original `send` back).
 */
export function signBeforeSending(...classes: Array<{ prototype: { send: unknown } }>): void {
  for (const cls of classes) {
    const stub = cls.prototype.send as StubbedSend & ((...args: unknown[]) => Promise<unknown>);
    if (typeof stub.getCalls !== "function") throw new Error("mock the client class before signing");
    const signed = async function (this: ClientLike, ...args: unknown[]) {
      await this.config.credentials();
      return stub.apply(this, args);
    };
    cls.prototype.send = Object.assign(signed, { getCalls: () => stub.getCalls() });
  }
}

/**
 * Runs the enclosing suite with the central account's own credentials in the environment, as Lambda provides them
 * (plus `env`, the function's settings), and restores the environment after it. Register it before hooks that load a
 * handler, so the handler reads these settings.
 */
export function withCentralCredentials(accessKeyId: string, env: Record<string, string> = {}): void {
  const saved = { ...process.env };
  before(() => {
    Object.assign(process.env, { ...env, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: "central-secret", AWS_REGION: "us-east-1" });
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
  });
  after(() => {
    process.env = saved;
  });
}
