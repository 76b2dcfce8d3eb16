import type { EC2Client } from "@aws-sdk/client-ec2";
import { AccountNotEnrolledError, type ActionTarget } from "../../shared/aws/account-clients";
import { parseEc2StateChange } from "../../shared/events/ec2-state-change";
import { parseEventBridgeEnvelope } from "../../shared/events/eventbridge";
import { executePlan } from "./execute";
import type { Action, FeedSettings, Outcome } from "./model";
import { observeAll, observeInstance } from "./observe";
import { planFeed } from "./plan";
import { snsSubject } from "../../shared/aws/sns-subject";

export interface FeedReport {
  readonly trigger: "state-change" | "schedule" | "rejected" | "ignored";
  readonly accountId?: string;
  readonly region?: string;
  readonly mode: FeedSettings["mode"];
  readonly instanceId?: string;
  /** What was decided, with reasons; in detect mode what would be done. */
  readonly actions: Action[];
  readonly outcomes: Outcome[];
  readonly notes: string[];
  readonly deferred: Action[];
  /** Why the event was refused (malformed, foreign account…). */
  readonly rejected?: string;
}

export interface FeedDeps {
  readonly settings: FeedSettings;
  /** EC2 client for the account and Region an event names; throws AccountNotEnrolledError for others. */
  readonly ec2For: (target: ActionTarget) => EC2Client;
  /** Sends a report somewhere a human reads it (SNS); absent = log only. */
  readonly publish?: (subject: string, report: FeedReport) => Promise<void>;
  readonly log?: (message: string, details: Record<string, unknown>) => void;
}

/** States whose event can change what is mirrored; the others (pending, stopping, stopped) change nothing. */
const ACTIONABLE_STATES = new Set(["running", "shutting-down", "terminated"]);

function empty(trigger: FeedReport["trigger"], settings: FeedSettings, extra: Partial<FeedReport> = {}): FeedReport {
  return { trigger, mode: settings.mode, actions: [], outcomes: [], notes: [], deferred: [], ...extra };
}

export class RetryableFailure extends Error {
  override name = "RetryableFailure";
}

/**
 * One invocation: an EC2 state-change event (one instance) or the scheduled reconciliation (every selected instance of
 * the account and Region). Parse → observe → plan → execute (or only report, in detect mode) → report. A malformed or
 * foreign event is rejected and reported, never acted on. Throws RetryableFailure after reporting when a state-change
 * action failed on throttling or a server error, so that Lambda retries the event (the replay plans only what is left).
 */
export async function handleFeedEvent(event: unknown, deps: FeedDeps): Promise<FeedReport> {
  const { settings } = deps;
  const envelope = parseEventBridgeEnvelope(event);
  if (!envelope.ok) return finish(empty("rejected", settings, { rejected: envelope.reason }), deps);
  const { source, detailType, account, region } = envelope.value;
  const target = { accountId: account, region };

  let trigger: "state-change" | "schedule";
  let instanceId: string | undefined;
  let stateOfEvent: string | undefined;
  if (source === "aws.events" && detailType === "Scheduled Event") trigger = "schedule";
  else {
    const change = parseEc2StateChange(event);
    if (!change.ok) return finish(empty("rejected", settings, { accountId: account, region, rejected: change.reason }), deps);
    if (!ACTIONABLE_STATES.has(change.value.state)) {
      return finish(empty("ignored", settings, { accountId: account, region, instanceId: change.value.instanceId, notes: [`state ${change.value.state} changes nothing`] }), deps);
    }
    trigger = "state-change";
    instanceId = change.value.instanceId;
    stateOfEvent = change.value.state;
  }

  let ec2: EC2Client;
  try {
    ec2 = deps.ec2For(target);
  } catch (err) {
    if (err instanceof AccountNotEnrolledError) return finish(empty("rejected", settings, { accountId: account, region, instanceId, rejected: err.message }), deps);
    throw err;
  }
  const observed = instanceId ? await observeInstance(ec2, instanceId, settings) : await observeAll(ec2, settings);
  if (stateOfEvent === "running" && observed.instances.every((i) => i.state === "absent")) {
    // EC2's API is eventually consistent: a just-launched instance can be unknown for a moment. Retrying the event
    // beats waiting for the reconciler.
    throw new RetryableFailure(`instance ${instanceId} of a running event is not yet visible in ${account}/${region}`);
  }
  const plan = planFeed({ accountId: account, region, ...observed }, settings, instanceId ? "instances" : "all");
  const outcomes = await executePlan(ec2, plan, settings);
  const report: FeedReport = { trigger, accountId: account, region, mode: settings.mode, instanceId, actions: plan.actions, outcomes, notes: plan.notes, deferred: plan.deferred };
  await finish(report, deps);
  const retry = outcomes.filter((o) => o.result === "failed" && o.retryable);
  if (trigger === "state-change" && retry.length > 0) {
    throw new RetryableFailure(`${retry.length} action(s) failed on throttling or server errors in ${account}/${region}: ${retry.map((o) => o.detail).join("; ")}`);
  }
  return report;
}

async function finish(report: FeedReport, deps: FeedDeps): Promise<FeedReport> {
  deps.log?.("traffic mirror feed", { ...report });
  const worthTelling = report.actions.length > 0 || report.deferred.length > 0;
  if (worthTelling && deps.publish) {
    const failed = report.outcomes.filter((o) => o.result === "failed").length;
    const verb = report.mode === "detect" ? "would take" : "took";
    const subject = `Kamae TrafficMirrorFeed ${deps.settings.feedName}: ${verb} ${report.actions.length} action(s)${failed ? `, ${failed} failed` : ""} in ${report.accountId}/${report.region}`;
    try {
      await deps.publish(snsSubject(subject), report);
    } catch (err) {
      // The actions are done and logged above; a failed notification must not make Lambda replay them.
      deps.log?.("report not published", { error: (err as Error).message });
    }
  }
  return report;
}
