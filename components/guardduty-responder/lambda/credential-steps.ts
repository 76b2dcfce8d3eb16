import type { Logger } from "@aws-lambda-powertools/logger";
import { CloudTrailClient, LookupEventsCommand, type LookupAttribute } from "@aws-sdk/client-cloudtrail";
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { type AccountClients, partitionOf } from "../../shared/aws/account-clients";
import { protectingEntry } from "./protected-principals";
import type { StepSettings } from "./settings";

/** The inline policy that denies every session of the principal issued before the response. */
export const DENY_OLD_SESSIONS_POLICY = "kamae-deny-sessions-issued-before";

export interface WorkflowFinding {
  readonly id: string;
  readonly type: string;
  readonly accountId: string;
  readonly region: string;
  readonly principal: { readonly type: "IAMUser" | "AssumedRole"; readonly name: string; readonly accessKeyId?: string };
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

export class StepInputError extends Error {
  override name = "StepInputError";
}

/**
 * Validates the workflow's input (it could be started by hand): nothing is acted on unless every field is sound. Every
 * field's type is checked before it is parsed or matched (coercing a hostile nested value to a string can overflow).
 */
export function parseStepInput(event: unknown): { step: "restrict" | "gather"; finding: WorkflowFinding } {
  const e = event as Record<string, any> | null;
  if (typeof e !== "object" || e === null) throw new StepInputError("input is not an object");
  if (e.step !== "restrict" && e.step !== "gather") throw new StepInputError('step must be "restrict" or "gather"');
  const f = e.finding;
  if (typeof f !== "object" || f === null) throw new StepInputError("finding is missing");
  if (typeof f.id !== "string" || !/^[A-Za-z0-9_-]{1,300}$/.test(f.id)) throw new StepInputError("finding.id is malformed");
  if (typeof f.type !== "string" || f.type.length > 200) throw new StepInputError("finding.type is malformed");
  if (typeof f.accountId !== "string" || !/^\d{12}$/.test(f.accountId)) throw new StepInputError("finding.accountId is not a 12-digit account id");
  if (typeof f.region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(f.region)) throw new StepInputError("finding.region is not an AWS Region");
  const p = f.principal;
  if (typeof p !== "object" || p === null || (p.type !== "IAMUser" && p.type !== "AssumedRole")) throw new StepInputError("finding.principal.type must be IAMUser or AssumedRole");
  if (typeof p.name !== "string" || !/^[\w+=,.@-]{1,128}$/.test(p.name)) throw new StepInputError("finding.principal.name is not an IAM name");
  if (p.accessKeyId !== undefined && (typeof p.accessKeyId !== "string" || !/^(AKIA|ASIA)[A-Z0-9]{12,124}$/.test(p.accessKeyId))) throw new StepInputError("finding.principal.accessKeyId is malformed");
  for (const k of ["createdAt", "updatedAt"]) {
    if (f[k] !== undefined && (typeof f[k] !== "string" || f[k].length > 40 || Number.isNaN(Date.parse(f[k])))) throw new StepInputError(`finding.${k} is not a time`);
  }
  return {
    step: e.step,
    finding: { id: f.id, type: f.type, accountId: f.accountId, region: f.region, principal: { type: p.type, name: p.name, ...(p.accessKeyId ? { accessKeyId: p.accessKeyId } : {}) }, createdAt: f.createdAt, updatedAt: f.updatedAt },
  };
}

export interface StepDeps {
  readonly settings: StepSettings;
  readonly clients: AccountClients;
  readonly log: Pick<Logger, "info" | "warn" | "error">;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Account and Region of the report bucket (the home account, the function's Region). */
  readonly home: { accountId: string; region: string };
}

export function denyOldSessionsPolicy(before: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "KamaeDenySessionsIssuedBefore", Effect: "Deny", Action: "*", Resource: "*", Condition: { DateLessThan: { "aws:TokenIssueTime": before } } }],
  });
}

/** The cut-off time of an existing Kamae deny policy (IAM returns policy documents URL-encoded), if any. */
function existingCutoff(document: string | undefined): number | undefined {
  if (!document) return undefined;
  try {
    const doc = JSON.parse(decodeURIComponent(document));
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const times = statements.map((s: any) => Date.parse(s?.Condition?.DateLessThan?.["aws:TokenIssueTime"])).filter((t: number) => !Number.isNaN(t));
    return times.length > 0 ? Math.max(...times) : undefined;
  } catch {
    return undefined;
  }
}

export interface RestrictResult {
  readonly principalArn: string;
  readonly accountId: string;
  readonly region: string;
  /** Whether this run changed anything (a replay changes nothing). */
  readonly changed: boolean;
  /** What is in force now because of Kamae, what Kamae refused to do, and what a human must still do. */
  readonly done: string[];
  readonly refused: string[];
  readonly forHuman: string[];
  /** The session cut-off in force, when the principal's sessions are denied. */
  readonly deniedBefore?: string;
  /** The long-term access key the finding names, and its state after the step. */
  readonly accessKey?: { readonly id: string; readonly status: "deactivated" | "already inactive" | "not the user's key" };
  /** The same, as lines for the notification. */
  readonly summary: string;
}

const notFound = (err: Error) => err.name === "NoSuchEntityException" || err.name === "NoSuchEntity";

function summarise(principalArn: string, r: { done: string[]; refused: string[]; forHuman: string[] }): string {
  const section = (title: string, lines: string[]) => (lines.length === 0 ? [] : [title, ...lines.map((l) => `- ${l}`)]);
  return [
    `Credential response for ${principalArn}:`,
    ...section("Done:", r.done),
    ...section("Refused:", r.refused),
    ...section("For a human:", r.forHuman),
  ].join("\n");
}

/**
 * Cuts off the principal the finding names, and says exactly how:
 * - a long-term access key (`AKIA…`) of an IAM user is deactivated: a deny on `aws:TokenIssueTime` never matches a
 *   request signed with one (the key exists only in requests signed with temporary credentials);
 * - sessions (temporary credentials) issued before now are denied by an inline policy.
 * Protected principals (Kamae's own roles, break-glass and admin principals) are never changed, only reported. The
 * principal is read from IAM first: its real ARN (path included) is what protection is judged on, never the finding.
 * Idempotent: a replay finds the key inactive and a cut-off at or after the finding's last update, and changes
 * nothing (moving the cut-off would end sessions the owner started after the first response).
 */
export async function restrictPrincipal(finding: WorkflowFinding, deps: StepDeps): Promise<RestrictResult> {
  const iam = deps.clients.client(IAMClient, { accountId: finding.accountId, region: finding.region });
  const { type, name, accessKeyId } = finding.principal;
  const user = type === "IAMUser";
  const entity = user ? (await iam.send(new GetUserCommand({ UserName: name }))).User : (await iam.send(new GetRoleCommand({ RoleName: name }))).Role;
  const principalArn = entity?.Arn ?? `arn:${partitionOf(finding.region)}:iam::${finding.accountId}:${user ? "user" : "role"}/${name}`;
  const base = { principalArn, accountId: finding.accountId, region: finding.region };
  const done: string[] = [];
  const refused: string[] = [];
  const forHuman: string[] = [];
  const finish = (changed: boolean, extra: Partial<RestrictResult> = {}): RestrictResult => ({ ...base, changed, done, refused, forHuman, ...extra, summary: summarise(principalArn, { done, refused, forHuman }) });

  const protectedBy = protectingEntry(principalArn, deps.settings.protectedPrincipals) ?? (principalArn.includes(":role/aws-service-role/") ? "AWS service-linked role" : undefined);
  if (protectedBy) {
    refused.push(`${principalArn} is a protected principal (${protectedBy}): Kamae changed nothing on it`);
    forHuman.push(`decide whether ${principalArn} is compromised; if it is, restrict it by hand (deactivate its keys, revoke its sessions)`);
    deps.log.warn("protected principal not restricted", { ...base, protectedBy });
    return finish(false);
  }

  let changed = false;
  let accessKey: RestrictResult["accessKey"];
  if (user) {
    const keys = (await iam.send(new ListAccessKeysCommand({ UserName: name }))).AccessKeyMetadata ?? [];
    if (accessKeyId?.startsWith("AKIA")) {
      const key = keys.find((k) => k.AccessKeyId === accessKeyId);
      if (!key) {
        accessKey = { id: accessKeyId, status: "not the user's key" };
        refused.push(`access key ${accessKeyId} is not a key of user ${name}: not deactivated`);
        forHuman.push(`find the owner of access key ${accessKeyId} (the finding names user ${name})`);
      } else if (key.Status === "Inactive") {
        accessKey = { id: accessKeyId, status: "already inactive" };
        done.push(`access key ${accessKeyId} of user ${name} is inactive (it already was)`);
      } else {
        await iam.send(new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: accessKeyId, Status: "Inactive" }));
        accessKey = { id: accessKeyId, status: "deactivated" };
        changed = true;
        done.push(`access key ${accessKeyId} of user ${name} deactivated`);
      }
    }
    const active = keys.filter((k) => k.Status === "Active" && k.AccessKeyId !== accessKey?.id).map((k) => k.AccessKeyId);
    if (active.length > 0) forHuman.push(`user ${name} still has active long-term access keys ${active.join(", ")}: they remain usable; rotate or deactivate them if they may be exposed`);
    if (accessKey?.status === "deactivated") forHuman.push(`delete access key ${accessKeyId} once the incident is closed, or reactivate it if the finding was benign`);
  }

  const current = await (user
    ? iam.send(new GetUserPolicyCommand({ UserName: name, PolicyName: DENY_OLD_SESSIONS_POLICY }))
    : iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: DENY_OLD_SESSIONS_POLICY }))
  ).catch((err: Error) => {
    if (notFound(err)) return undefined;
    throw err;
  });
  const cutoff = existingCutoff(current?.PolicyDocument);
  const findingTime = Date.parse(finding.updatedAt ?? finding.createdAt ?? "");
  let deniedBefore: string;
  if (cutoff !== undefined && !Number.isNaN(findingTime) && cutoff >= findingTime) {
    deniedBefore = new Date(cutoff).toISOString();
    done.push(`sessions of ${principalArn} issued before ${deniedBefore} are denied (already in force)`);
  } else {
    deniedBefore = new Date((deps.now ?? Date.now)()).toISOString();
    const policy = denyOldSessionsPolicy(deniedBefore);
    if (user) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: DENY_OLD_SESSIONS_POLICY, PolicyDocument: policy }));
    else await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: DENY_OLD_SESSIONS_POLICY, PolicyDocument: policy }));
    changed = true;
    done.push(`sessions of ${principalArn} issued before ${deniedBefore} denied (inline policy ${DENY_OLD_SESSIONS_POLICY})`);
  }
  if (!user) forHuman.push(`sessions of role ${name} issued after ${deniedBefore} are allowed: find how its credentials leaked before whoever took them gets new ones`);
  deps.log.info("principal restricted", { ...base, deniedBefore, accessKey, changed });
  return finish(changed, { deniedBefore, ...(accessKey ? { accessKey } : {}) });
}

export interface ReportResult {
  readonly bucket: string;
  readonly key: string;
  readonly events: number;
  readonly truncated: boolean;
  readonly accountId: string;
  readonly region: string;
}

const LOOKUP_PAGE = 50;
/** LookupEvents allows 2 requests per second per account and Region. */
const LOOKUP_INTERVAL_MS = 500;

/**
 * Gathers the principal's recent API activity (CloudTrail LookupEvents by access key, else by user name) into a
 * JSON report in the report bucket (SSE-KMS). The key is named after the finding: a replay overwrites the same report.
 */
export async function gatherActivity(finding: WorkflowFinding, deps: StepDeps): Promise<ReportResult> {
  const cloudtrail = deps.clients.client(CloudTrailClient, { accountId: finding.accountId, region: finding.region });
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = (deps.now ?? Date.now)();
  const anchor = Date.parse(finding.createdAt ?? "") || now;
  const start = new Date(anchor - deps.settings.lookbackHours * 3600_000);
  const end = new Date(now);
  const attribute: LookupAttribute = finding.principal.accessKeyId
    ? { AttributeKey: "AccessKeyId", AttributeValue: finding.principal.accessKeyId }
    : { AttributeKey: "Username", AttributeValue: finding.principal.name };
  const events: Array<Record<string, unknown>> = [];
  let token: string | undefined;
  let truncated = false;
  let throttles = 0;
  for (;;) {
    let page;
    try {
      page = await cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [attribute], StartTime: start, EndTime: end, MaxResults: LOOKUP_PAGE, NextToken: token }));
    } catch (err) {
      if ((err as Error).name !== "ThrottlingException" || ++throttles > 5) throw err;
      await sleep(LOOKUP_INTERVAL_MS * 2 ** throttles);
      continue;
    }
    for (const e of page.Events ?? []) {
      let detail: Record<string, unknown>;
      try {
        detail = e.CloudTrailEvent ? JSON.parse(e.CloudTrailEvent) : {};
      } catch {
        detail = { unreadable: true };
      }
      events.push({
        eventTime: e.EventTime?.toISOString(),
        eventSource: e.EventSource,
        eventName: e.EventName,
        eventId: e.EventId,
        readOnly: e.ReadOnly,
        sourceIPAddress: detail.sourceIPAddress,
        userAgent: detail.userAgent,
        awsRegion: detail.awsRegion,
        errorCode: detail.errorCode,
        resources: e.Resources?.map((r) => `${r.ResourceType}:${r.ResourceName}`),
      });
    }
    token = page.NextToken;
    if (!token) break;
    if (events.length >= deps.settings.maxEvents) {
      truncated = true;
      break;
    }
    await sleep(LOOKUP_INTERVAL_MS);
  }
  truncated ||= events.length > deps.settings.maxEvents;
  const key = `credential-activity/${finding.accountId}/${finding.region}/${finding.id}.json`;
  const report = {
    kind: "kamae.credential-activity-report",
    findingId: finding.id,
    findingType: finding.type,
    accountId: finding.accountId,
    region: finding.region,
    principal: finding.principal,
    lookup: attribute,
    from: start.toISOString(),
    to: end.toISOString(),
    truncated,
    events: events.slice(0, deps.settings.maxEvents),
  };
  await deps.clients.client(S3Client, deps.home).send(
    new PutObjectCommand({
      Bucket: deps.settings.reportBucket,
      Key: key,
      Body: JSON.stringify(report, null, 1),
      ContentType: "application/json",
      ServerSideEncryption: "aws:kms",
      ...(deps.settings.reportKmsKeyArn ? { SSEKMSKeyId: deps.settings.reportKmsKeyArn } : {}),
    }),
  );
  deps.log.info("activity report written", { bucket: deps.settings.reportBucket, key, events: report.events.length, truncated, accountId: finding.accountId, region: finding.region });
  return { bucket: deps.settings.reportBucket, key, events: report.events.length, truncated, accountId: finding.accountId, region: finding.region };
}

/** One step of the workflow; a bad input fails the step (the workflow catches it and notifies). */
export async function runStep(event: unknown, deps: StepDeps): Promise<RestrictResult | ReportResult> {
  const { step, finding } = parseStepInput(event);
  return step === "restrict" ? restrictPrincipal(finding, deps) : gatherActivity(finding, deps);
}
