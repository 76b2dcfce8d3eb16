import { createHash } from "node:crypto";
import type { Logger } from "@aws-lambda-powertools/logger";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import {
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { DescribeExecutionCommand, StartExecutionCommand, SFNClient } from "@aws-sdk/client-sfn";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { ListCommandsCommand, SendCommandCommand, SSMClient } from "@aws-sdk/client-ssm";
import { type AccountClients, partitionOf, queueUrlTarget } from "../../shared/aws/account-clients";
import { ReportedEvents } from "../../shared/aws/reported-events";
import type { WindowBreaker } from "../../shared/aws/window-breaker";
import { parseGuardDutyEvent, sampleFindingDismissal } from "../../shared/events/guardduty";
import { globToRegExp } from "../../shared/runtime/glob";
import { type BucketChange, type BucketState, planBucketHardening } from "./bucket-hardening";
import { parseMacieEvent } from "./macie";
import {
  fromGuardDuty,
  fromMacie,
  type PlannedAction,
  planResponse,
  type ResponderFinding,
  type ResponsePlan,
} from "./routing";
import type { ResponderSettings } from "./settings";
import { snsSubject } from "../../shared/aws/sns-subject";

/** The bucket breaker's item in the table of answered findings (no finding's key starts so). */
export const BUCKET_BREAKER_KEY = "breaker#bucket-changes";

export interface ResponderDeps {
  readonly settings: ResponderSettings;
  readonly clients: AccountClients;
  /** Findings already answered with a report, in the table named by the settings. */
  readonly reported: ReportedEvents;
  /** The bucket breaker (`settings.bucketBreaker`), in the same table. */
  readonly bucketChanges: WindowBreaker;
  readonly log: Pick<Logger, "info" | "warn" | "error">;
  readonly now?: () => number;
}

export type OutcomeStatus = "done" | "already" | "detect" | "refused" | "failed";

export interface ActionOutcome {
  readonly action: PlannedAction["action"];
  readonly mode: PlannedAction["mode"];
  readonly status: OutcomeStatus;
  readonly detail: string;
}

export interface ResponseReport {
  readonly plan?: ResponsePlan;
  readonly outcomes: ActionOutcome[];
  readonly rejected?: string;
  /** Set when the event is a redelivery of one already answered: nothing was done or published. */
  readonly replay?: true;
}

/** Reads a GuardDuty or Macie finding event; a malformed event is rejected, never acted on. */
export function parseFindingEvent(event: unknown): { ok: true; finding: ResponderFinding } | { ok: false; reason: string } {
  const source = typeof event === "object" && event !== null ? (event as Record<string, unknown>).source : undefined;
  if (source === "aws.macie") {
    const m = parseMacieEvent(event);
    return m.ok ? { ok: true, finding: fromMacie(m.value) } : { ok: false, reason: m.reason };
  }
  const g = parseGuardDutyEvent(event);
  return g.ok ? { ok: true, finding: fromGuardDuty(g.value) } : { ok: false, reason: g.reason };
}

/** Account and Region of a home-account resource, from its ARN or queue URL. */
function arnTarget(arn: string): { accountId: string; region: string } {
  const parts = arn.split(":");
  return { accountId: parts[4] ?? "", region: parts[3] ?? "" };
}

const errorName = (err: unknown) => (err as Error | undefined)?.name ?? "";

async function readBucketState(s3: S3Client, bucket: string): Promise<BucketState> {
  const ignore = (names: string[]) => (err: unknown) => {
    if (names.includes(errorName(err))) return undefined;
    throw err;
  };
  const [pab, enc, pol] = await Promise.all([
    s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })).catch(ignore(["NoSuchPublicAccessBlockConfiguration"])),
    s3.send(new GetBucketEncryptionCommand({ Bucket: bucket })).catch(ignore(["ServerSideEncryptionConfigurationNotFoundError"])),
    s3.send(new GetBucketPolicyCommand({ Bucket: bucket })).catch(ignore(["NoSuchBucketPolicy"])),
  ]);
  return {
    bucket,
    publicAccessBlock: pab?.PublicAccessBlockConfiguration,
    encryption: enc?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    policy: pol?.Policy,
  };
}

async function applyBucketChange(s3: S3Client, bucket: string, change: BucketChange): Promise<void> {
  switch (change.kind) {
    case "publicAccessBlock":
      await s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: bucket,
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        }),
      );
      return;
    case "encryption":
      await s3.send(
        new PutBucketEncryptionCommand({
          Bucket: bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", ...(change.kmsKeyId ? { KMSMasterKeyID: change.kmsKeyId } : {}) }, BucketKeyEnabled: true }],
          },
        }),
      );
      return;
    case "policy":
      await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: change.policy }));
      return;
  }
}

/**
 * Kamae's executions are named after the finding and its last update: a replayed event starts nothing new, while an
 * update of the same finding (GuardDuty updates a finding as the activity goes on) starts a new response, which moves
 * the session cut-off forward. Step Functions refuses a name used in the last 90 days.
 */
export function executionName(findingId: string, updatedAt: string | undefined): string {
  const at = updatedAt === undefined ? Number.NaN : Date.parse(updatedAt);
  const time = updatedAt === undefined ? "created" : Number.isNaN(at) ? "?" : new Date(at).toISOString().replace(/[-:.]/g, "");
  const name = `kamae-gd-${findingId}-${time}`;
  if (name.length <= 80 && /^[A-Za-z0-9_-]+$/.test(name)) return name;
  return `kamae-gd-${createHash("sha256").update(`${findingId}\n${updatedAt ?? ""}`).digest("hex").slice(0, 64)}`;
}

class Executor {
  constructor(
    private readonly deps: ResponderDeps,
    private readonly finding: ResponderFinding,
  ) {}

  private get settings() {
    return this.deps.settings;
  }

  private target() {
    return { accountId: this.finding.accountId, region: this.finding.region };
  }

  async isolate(a: PlannedAction): Promise<ActionOutcome> {
    const arn = this.settings.isolationFunctionArn!;
    const payload = { kind: "kamae.isolate", instanceId: a.instanceId, accountId: this.finding.accountId, region: this.finding.region, reason: a.reason, findingId: this.finding.id, source: "guardduty" };
    const out = await this.deps.clients.client(LambdaClient, arnTarget(arn)).send(new InvokeCommand({ FunctionName: arn, InvocationType: "Event", Payload: Buffer.from(JSON.stringify(payload)) }));
    if (out.FunctionError) throw new Error(`InstanceIsolation refused the request: ${out.FunctionError}`);
    return { action: a.action, mode: a.mode, status: "done", detail: `isolation of ${a.instanceId} requested from InstanceIsolation` };
  }

  async block(a: PlannedAction): Promise<ActionOutcome> {
    const url = this.settings.wafBlockQueueUrl!;
    // The request id makes a redelivered finding a no-op in WafAutoBlock's block store (hit counts stay honest).
    const requestId = `gd:${this.finding.id}:${this.finding.updatedAt ?? ""}`.slice(0, 200);
    const body = { kind: "kamae.block", addresses: a.addresses, source: "guardduty", reason: `${a.reason}; finding ${this.finding.id}`, ttlMinutes: this.settings.blockTtlMinutes, requestId };
    await this.deps.clients.client(SQSClient, queueUrlTarget(url, this.settings.region)).send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(body) }));
    return { action: a.action, mode: a.mode, status: "done", detail: `block of ${a.addresses!.join(", ")} for ${this.settings.blockTtlMinutes} minutes requested from WafAutoBlock` };
  }

  async scan(a: PlannedAction): Promise<ActionOutcome> {
    const ssm = this.deps.clients.client(SSMClient, this.target());
    const document = this.settings.scanDocumentName!;
    const comment = `kamae guardduty ${this.finding.id}`.slice(0, 100);
    const since = new Date((this.deps.now ?? Date.now)() - 7 * 86400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const existing = await ssm.send(
      new ListCommandsCommand({ InstanceId: a.instanceId, Filters: [{ key: "DocumentName", value: document }, { key: "InvokedAfter", value: since }] }),
    );
    const earlier = existing.Commands?.find((c) => c.Comment === comment && c.Status !== "Failed" && c.Status !== "Cancelled");
    if (earlier) return { action: a.action, mode: a.mode, status: "already", detail: `scan ${earlier.CommandId} already sent for this finding` };
    const sent = await ssm.send(
      new SendCommandCommand({ DocumentName: document, InstanceIds: [a.instanceId!], Parameters: this.settings.scanDocumentParameters, Comment: comment, TimeoutSeconds: 600 }),
    );
    return { action: a.action, mode: a.mode, status: "done", detail: `${document} sent to ${a.instanceId} as command ${sent.Command?.CommandId}` };
  }

  async restrictCredentials(a: PlannedAction): Promise<ActionOutcome> {
    const arn = this.settings.credentialWorkflowArn!;
    const f = this.finding;
    const input = { finding: { id: f.id, type: f.type, severity: f.severity, accountId: f.accountId, region: f.region, principal: a.principal, createdAt: f.createdAt, updatedAt: f.updatedAt } };
    const name = executionName(f.id, f.updatedAt);
    const sfn = this.deps.clients.client(SFNClient, arnTarget(arn));
    // StartExecution answers a running execution of the same name and input with success: ask first, so a replay
    // reports "already" (with the run's status) instead of a second "done".
    const earlier = await sfn.send(new DescribeExecutionCommand({ executionArn: `${arn.replace(":stateMachine:", ":execution:")}:${name}` })).catch((err) => {
      if (errorName(err) === "ExecutionDoesNotExist") return undefined;
      throw err;
    });
    if (earlier) return { action: a.action, mode: a.mode, status: "already", detail: `credential workflow ${name} already started for this update of the finding (${earlier.status})` };
    try {
      const out = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify(input) }));
      return { action: a.action, mode: a.mode, status: "done", detail: `credential workflow started: ${out.executionArn}` };
    } catch (err) {
      if (errorName(err) === "ExecutionAlreadyExists") return { action: a.action, mode: a.mode, status: "already", detail: `credential workflow ${name} already ran for this update of the finding` };
      throw err;
    }
  }

  /**
   * Why a bucket is public on purpose (a static website, public data), if it is: the allowlist, or the protection tag
   * read from the bucket itself (a finding's copy of the tags is not trusted).
   */
  private async intentionallyPublic(s3: S3Client, bucket: string): Promise<string | undefined> {
    const listed = this.settings.publicBuckets.find((p) => globToRegExp(p).test(bucket));
    if (listed) return `listed in publicBuckets (${listed})`;
    const tagging = await s3.send(new GetBucketTaggingCommand({ Bucket: bucket })).catch((err) => {
      if (errorName(err) === "NoSuchTagSet") return undefined;
      throw err;
    });
    const tag = tagging?.TagSet?.find((t) => t.Key === this.settings.publicBucketTagKey);
    return tag?.Value?.toLowerCase() === "true" ? `tagged ${this.settings.publicBucketTagKey}=true` : undefined;
  }

  async hardenBuckets(a: PlannedAction): Promise<ActionOutcome> {
    const s3 = this.deps.clients.client(S3Client, this.target());
    const macie = a.action === "protectBucket";
    const details: string[] = [];
    let changed = 0;
    let kept = 0;
    for (const bucket of a.buckets ?? []) {
      const publicOnPurpose = await this.intentionallyPublic(s3, bucket);
      if (publicOnPurpose) {
        kept++;
        details.push(`${bucket}: public on purpose (${publicOnPurpose}): not changed; a human should confirm the finding is expected`);
        continue;
      }
      const state = await readBucketState(s3, bucket);
      const changes = planBucketHardening(state, {
        publicAccessBlock: true,
        kmsEncryption: macie,
        denyInsecureTransport: macie,
        kmsKeyId: this.settings.macieBucketKmsKeyArn,
        partition: partitionOf(this.finding.region),
      });
      // Many buckets changed at once is more likely a mistake (a misread finding, a flood) than an attack: hold.
      const slot = changes.length > 0 ? await this.deps.bucketChanges.take() : { admitted: true, recent: 0 };
      if (!slot.admitted) {
        kept++;
        const { max, windowSeconds } = this.deps.bucketChanges.limits;
        details.push(`${bucket}: bucket breaker open (${slot.recent} buckets changed in the last ${windowSeconds} s, at most ${max}): not changed; would ${changes.map((c) => c.reason).join("; ")}`);
        continue;
      }
      for (const change of changes) await applyBucketChange(s3, bucket, change);
      changed += changes.length;
      details.push(changes.length === 0 ? `${bucket}: already protected` : `${bucket}: ${changes.map((c) => c.reason).join("; ")} (fixed)`);
    }
    const status: OutcomeStatus = changed > 0 ? "done" : kept > 0 ? "refused" : "already";
    return { action: a.action, mode: a.mode, status, detail: details.join(" | ") };
  }

  async notify(plan: ResponsePlan, outcomes: ActionOutcome[]): Promise<ActionOutcome> {
    const f = this.finding;
    const lines = [
      `Kamae GuardDutyResponder: ${f.source === "macie" ? "Amazon Macie" : "GuardDuty"} finding ${f.type} (severity ${f.severity})`,
      `Account ${f.accountId}, Region ${f.region}${f.title ? `: ${f.title.replace(/[\r\n]+/g, " ").slice(0, 300)}` : ""}`,
      `Finding ${f.id}; routes: ${plan.routes.join(", ")}`,
      ...reportSections(outcomes, plan),
      "",
      JSON.stringify({ kind: "kamae.guardduty-response", finding: f, routes: plan.routes, outcomes, skipped: plan.skipped }),
    ];
    const subject = snsSubject(`Kamae ${f.source === "macie" ? "Macie" : "GuardDuty"}: ${f.type} (${f.severity}) in ${f.accountId}`);
    await this.deps.clients.client(SNSClient, arnTarget(this.settings.topicArn)).send(new PublishCommand({ TopicArn: this.settings.topicArn, Subject: subject, Message: lines.join("\n").slice(0, 250_000) }));
    return { action: "notify", mode: "enforce", status: "done", detail: `notified ${this.settings.topicArn}` };
  }

  async run(a: PlannedAction): Promise<ActionOutcome> {
    switch (a.action) {
      case "isolate":
        return this.isolate(a);
      case "block":
        return this.block(a);
      case "scan":
        return this.scan(a);
      case "restrictCredentials":
        return this.restrictCredentials(a);
      case "blockPublicAccess":
      case "protectBucket":
        return this.hardenBuckets(a);
      case "notify":
        throw new Error("notify runs last, with the outcomes");
    }
  }
}

/** What was done, what was refused or failed, what detect mode held back, and what is left for a human. */
export function reportSections(outcomes: readonly ActionOutcome[], plan: ResponsePlan): string[] {
  const line = (o: ActionOutcome) => `- ${o.action} [${o.mode}] ${o.status}: ${o.detail}`;
  const section = (title: string, lines: string[]) => (lines.length === 0 ? [] : [title, ...lines]);
  const of = (...statuses: OutcomeStatus[]) => outcomes.filter((o) => statuses.includes(o.status)).map(line);
  const forHuman = [
    ...outcomes.filter((o) => o.status === "refused" || o.status === "failed").map((o) => `- ${o.action}: not done (${o.status}); decide and act by hand`),
    ...outcomes.filter((o) => o.status === "detect").map((o) => `- ${o.action}: detect mode; act by hand if the finding is real`),
    ...outcomes.filter((o) => o.action === "restrictCredentials" && o.status === "done").map(() => "- restrictCredentials: the credential workflow reports separately what it cut off and what stays usable"),
  ];
  return [
    ...section("Done:", of("done", "already")),
    ...section("Refused:", of("refused")),
    ...section("Failed:", of("failed")),
    ...section("Detect mode (nothing changed):", of("detect")),
    ...section("Not applicable:", plan.skipped.map((s) => `- ${s.action}: ${s.reason}`)),
    ...section("For a human:", forHuman),
  ];
}

function describeDetect(a: PlannedAction): string {
  const on = a.instanceId ?? a.addresses?.join(", ") ?? a.buckets?.join(", ") ?? (a.principal ? `${a.principal.type} ${a.principal.name}` : "");
  return `would ${a.action} ${on} (${a.reason}); set the action's mode to "enforce" to act`;
}

/**
 * Handles one finding event: parse, plan (pure), execute the acting actions that are enforced (detect mode reports
 * them), then notify with every outcome. One failed action does not stop the others; the event is then failed so
 * it is retried and reaches the failure queue (every action is idempotent, so a retry repeats nothing done).
 */
export async function respondToFinding(event: unknown, deps: ResponderDeps): Promise<ResponseReport> {
  const parsed = parseFindingEvent(event);
  if (!parsed.ok) {
    deps.log.error("finding event rejected", { reason: parsed.reason });
    return { outcomes: [], rejected: parsed.reason };
  }
  const drill = parsed.finding.sample ? sampleFindingDismissal({ id: parsed.finding.id, sample: true }, deps.settings.actOnSampleFindings ?? false) : undefined;
  if (drill) {
    deps.log.warn("finding dismissed", { findingId: parsed.finding.id, accountId: parsed.finding.accountId, reason: drill });
    return { outcomes: [], rejected: drill };
  }
  const plan = planResponse(parsed.finding, deps.settings.routes, deps.settings.modes);
  // A redelivery or a redrive of an event already answered changes and publishes nothing.
  const replayKey = ReportedEvents.key(parsed.finding.source, `${parsed.finding.accountId}/${parsed.finding.id}`, parsed.finding.updatedAt);
  const context = { findingId: parsed.finding.id, updatedAt: parsed.finding.updatedAt };
  if (await deps.reported.isReplay(replayKey, deps.log, context)) return { plan, outcomes: [], replay: true };
  deps.log.info("response planned", { findingId: parsed.finding.id, accountId: parsed.finding.accountId, region: parsed.finding.region, actions: plan.actions, skipped: plan.skipped });
  const executor = new Executor(deps, parsed.finding);
  const outcomes: ActionOutcome[] = [];
  const failures: string[] = [];
  // A finding about an account the responders are not enrolled in is reported, never acted on (and not retried).
  let refusal: string | undefined;
  try {
    deps.clients.check({ accountId: parsed.finding.accountId, region: parsed.finding.region });
  } catch (err) {
    refusal = (err as Error).message;
    deps.log.error("finding of an account or Region the responders may not act in", { findingId: parsed.finding.id, accountId: parsed.finding.accountId, region: parsed.finding.region, reason: refusal });
  }
  for (const action of plan.actions) {
    if (action.action === "notify") continue;
    if (action.mode === "detect") {
      outcomes.push({ action: action.action, mode: "detect", status: "detect", detail: describeDetect(action) });
      continue;
    }
    if (refusal) {
      outcomes.push({ action: action.action, mode: action.mode, status: "refused", detail: refusal });
      continue;
    }
    try {
      outcomes.push(await executor.run(action));
    } catch (err) {
      const detail = `${errorName(err)}: ${(err as Error).message}`;
      deps.log.error("response action failed", { action: action.action, findingId: parsed.finding.id, accountId: parsed.finding.accountId, region: parsed.finding.region, error: detail });
      outcomes.push({ action: action.action, mode: action.mode, status: "failed", detail });
      failures.push(`${action.action}: ${detail}`);
    }
  }
  // Humans hear of every change Kamae made, of every failure and refusal, even when no route asked to notify. A
  // replay whose every action an earlier delivery already did (and so reported) stays quiet.
  const acted = outcomes.some((o) => o.status === "done");
  const replay = outcomes.length > 0 && outcomes.every((o) => o.status === "already");
  if ((plan.actions.some((a) => a.action === "notify") && !replay) || acted || failures.length > 0 || refusal) outcomes.push(await executor.notify(plan, outcomes));
  if (failures.length > 0) throw new Error(`finding ${parsed.finding.id}: ${failures.length} action(s) failed: ${failures.join("; ")}`);
  await deps.reported.remember(replayKey, outcomes.map((o) => `${o.action} ${o.status}`).join(", "), deps.log, context);
  return { plan, outcomes };
}
