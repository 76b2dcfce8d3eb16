import { CreateTagsCommand, DescribeTagsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import {
  DescribeInstanceInformationCommand,
  ListCommandsCommand,
  SendCommandCommand,
  SSMClient,
  type Command,
  type CommandFilter,
} from "@aws-sdk/client-ssm";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { AccountClients } from "../../shared/aws/account-clients";
import { ReportedEvents } from "../../shared/aws/reported-events";
import { parseInspectorEvent, type InspectorFinding } from "../../shared/events/inspector";
import { COMMENT_PREFIX, PATCH_DOCUMENT, planPatch, screen, type PatchPlan, type PatchSettings, type PatchState } from "./plan";
import { snsSubject } from "../../shared/aws/sns-subject";
import { AUTO_SCALING_GROUP_TAG } from "../../shared/runtime/tags";

/** Thrown after reporting when the event must be retried later (Lambda's async retries, then the failure queue). */
export class DeferredError extends Error {
  override name = "DeferredError";
}

export interface ResponderDeps {
  readonly clients: Pick<AccountClients, "client">;
  readonly settings: PatchSettings;
  /** Topic for reports in the home account and Region; none: reports are only logged. */
  readonly topicArn?: string;
  readonly sns?: SNSClient;
  /** Finding updates already answered: a redelivery or a redrive of one of them is quiet. */
  readonly reported: ReportedEvents;
  readonly now?: () => number;
  readonly log: Pick<Logger, "info" | "warn" | "error">;
}

export interface PatchReport extends PatchPlan {
  readonly mode: PatchSettings["mode"];
  /** Ids of the commands sent (enforce mode). */
  readonly commandIds: string[];
}

const RUNNING_LOOKBACK_MINUTES = 24 * 60;

/** Every page of ListCommands for the request. */
async function listCommands(ssm: SSMClient, input: { InstanceId?: string; Filters: CommandFilter[] }): Promise<Command[]> {
  const out: Command[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(new ListCommandsCommand({ ...input, MaxResults: 50, NextToken }));
    out.push(...(page.Commands ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

/** Reads what the plan depends on: SSM registration, recent patch commands, the responder's running commands. */
export async function readState(finding: InspectorFinding, deps: ResponderDeps): Promise<PatchState> {
  const target = { accountId: finding.accountId, region: finding.region };
  const ssm = deps.clients.client(SSMClient, target);
  const instanceId = finding.instanceId!;
  const info = await ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: "InstanceIds", Values: [instanceId] }] }));
  const entry = (info.InstanceInformationList ?? []).find((i) => i.InstanceId === instanceId);
  if (!entry) return { managed: false, recentCommands: [], runningCommands: 0 };

  const now = (deps.now ?? Date.now)();
  // A command still running counts however short the cooldown; runs longer than a day have timed out.
  const since = new Date(now - Math.max(deps.settings.cooldownMinutes, RUNNING_LOOKBACK_MINUTES) * 60_000).toISOString();
  const recent = await listCommands(ssm, {
    InstanceId: instanceId,
    Filters: [
      { key: "DocumentName", value: PATCH_DOCUMENT },
      { key: "InvokedAfter", value: since },
    ],
  });
  const ec2 = deps.clients.client(EC2Client, target);
  const tagsOf = async (ids: string[], keys?: string[]) => {
    const out = new Map<string, Record<string, string>>();
    if (ids.length === 0) return out;
    const res = await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: ids }, ...(keys ? [{ Name: "key", Values: keys }] : [])] }));
    for (const t of res.Tags ?? []) if (t.ResourceId && t.Key) out.set(t.ResourceId, { ...out.get(t.ResourceId), [t.Key]: t.Value ?? "" });
    return out;
  };
  const tags = (await tagsOf([instanceId])).get(instanceId) ?? {};
  const groupKey = deps.settings.groupTagKey;
  let runningCommands = 0;
  let runningInAutoScalingGroup = 0;
  let runningInTaggedGroup = 0;
  let taggedGroupSize: number | undefined;
  if (deps.settings.strategy === "immediate") {
    const busy: string[] = [];
    for (const status of ["Pending", "InProgress"]) {
      const commands = (await listCommands(ssm, { Filters: [{ key: "DocumentName", value: PATCH_DOCUMENT }, { key: "Status", value: status }] })).filter((c) => c.Comment?.startsWith(COMMENT_PREFIX));
      runningCommands += commands.length;
      busy.push(...commands.flatMap((c) => c.InstanceIds ?? []).filter((id) => id !== instanceId));
    }
    const group = groupKey ? tags[groupKey] : undefined;
    if (busy.length > 0 && (tags[AUTO_SCALING_GROUP_TAG] !== undefined || group !== undefined)) {
      const peers = await tagsOf([...new Set(busy)], [AUTO_SCALING_GROUP_TAG, ...(groupKey ? [groupKey] : [])]);
      for (const t of peers.values()) {
        if (tags[AUTO_SCALING_GROUP_TAG] !== undefined && t[AUTO_SCALING_GROUP_TAG] === tags[AUTO_SCALING_GROUP_TAG]) runningInAutoScalingGroup++;
        if (group !== undefined && t[groupKey!] === group) runningInTaggedGroup++;
      }
    }
    if (group !== undefined) {
      const members = await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-type", Values: ["instance"] }, { Name: "key", Values: [groupKey!] }, { Name: "value", Values: [group] }] }));
      taggedGroupSize = new Set((members.Tags ?? []).map((t) => t.ResourceId)).size;
    }
  }
  const pendingTagValue = deps.settings.strategy === "maintenance-window" ? tags[deps.settings.pendingTagKey] : undefined;
  return {
    managed: true,
    pingStatus: entry.PingStatus,
    recentCommands: recent.map((c) => ({
      commandId: c.CommandId ?? "?",
      status: c.Status ?? "Unknown",
      ageMinutes: c.RequestedDateTime ? (now - c.RequestedDateTime.getTime()) / 60_000 : Number.POSITIVE_INFINITY,
      ...(c.Comment !== undefined ? { comment: c.Comment } : {}),
    })),
    runningCommands,
    pendingTagValue,
    tags,
    runningInAutoScalingGroup,
    runningInTaggedGroup,
    ...(taggedGroupSize !== undefined ? { taggedGroupSize } : {}),
  };
}

function isAwsError(err: unknown, ...names: string[]): boolean {
  return err instanceof Error && names.includes(err.name);
}

/** Carries out the plan's actions; an instance that stopped being managed since the read is reported, not retried. */
export async function execute(plan: PatchPlan, deps: ResponderDeps): Promise<{ plan: PatchPlan; commandIds: string[] }> {
  const target = { accountId: plan.accountId, region: plan.region };
  const commandIds: string[] = [];
  for (const action of plan.actions) {
    if (action.kind === "run-patch-baseline") {
      const ssm = deps.clients.client(SSMClient, target);
      try {
        const out = await ssm.send(
          new SendCommandCommand({
            DocumentName: PATCH_DOCUMENT,
            InstanceIds: [action.instanceId],
            Parameters: { Operation: ["Install"], RebootOption: [action.rebootOption] },
            Comment: action.comment,
            MaxConcurrency: "1",
            MaxErrors: "0",
            TimeoutSeconds: 600,
          }),
        );
        if (out.Command?.CommandId) commandIds.push(out.Command.CommandId);
      } catch (err) {
        if (!isAwsError(err, "InvalidInstanceId")) throw err;
        return {
          plan: { ...plan, actions: [], outcome: "unmanaged", reason: `${action.instanceId} is no longer reachable by Run Command (${(err as Error).message})`, notify: true },
          commandIds,
        };
      }
    } else {
      const ec2 = deps.clients.client(EC2Client, target);
      await ec2.send(new CreateTagsCommand({ Resources: [action.instanceId], Tags: [{ Key: action.tagKey, Value: action.tagValue }] }));
    }
  }
  return { plan, commandIds };
}

/** The whole response to one event: parse, screen, read, plan, act (enforce) or report (detect), notify. */
export async function respond(event: unknown, deps: ResponderDeps): Promise<PatchReport | { rejected: string } | { replay: string }> {
  const parsed = parseInspectorEvent(event);
  if (!parsed.ok) {
    deps.log.warn("rejected event", { reason: parsed.reason });
    return { rejected: parsed.reason };
  }
  const finding = parsed.value;
  // A finding update already answered changes and publishes nothing; when the record cannot be read the finding is
  // handled anyway (the plan finds a patch already sent and sends nothing twice).
  const replayKey = ReportedEvents.key("inspector", `${finding.accountId}/${finding.findingArn}`, finding.updatedAt);
  const context = { findingArn: finding.findingArn, updatedAt: finding.updatedAt };
  if (await deps.reported.isReplay(replayKey, deps.log, context)) return { replay: finding.findingArn };
  const plan = screen(finding, deps.settings) ?? planPatch(finding, await readState(finding, deps), deps.settings);
  let report: PatchReport;
  if (deps.settings.mode === "enforce" && plan.actions.length > 0) {
    const done = await execute(plan, deps);
    report = { ...done.plan, mode: "enforce", commandIds: done.commandIds };
  } else {
    report = { ...plan, mode: deps.settings.mode, commandIds: [] };
  }
  deps.log.info("patch-on-finding", { report });
  if (report.notify && deps.topicArn && deps.sns) {
    const verb = report.mode === "detect" && report.actions.length > 0 ? "would patch" : report.outcome === "act" ? "patching" : report.outcome;
    await deps.sns.send(
      new PublishCommand({
        TopicArn: deps.topicArn,
        Subject: snsSubject(`Kamae PatchOnFinding: ${verb} ${report.instanceId ?? ""} in ${report.accountId}/${report.region}`),
        Message: JSON.stringify(report, null, 2),
      }),
    );
  }
  if (report.outcome === "deferred" && deps.settings.mode === "enforce") throw new DeferredError(report.reason);
  // Only a complete answer is remembered (a deferral is retried).
  await deps.reported.remember(replayKey, `${report.outcome}: ${report.reason}`, deps.log, context);
  return report;
}
