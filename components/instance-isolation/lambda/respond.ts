import { randomUUID } from "node:crypto";
import { AccountClients, AccountNotEnrolledError } from "../../shared/aws/account-clients";
import { countReplay } from "../../shared/aws/reported-events";
import { logger } from "../../shared/runtime/logger";
import { dedupe, Dismissal, readEvent } from "./intake";
import type { BeginResult, Ledger } from "./ledger";
import { AsgHold, IsolationRecord, IsolationRequest, OriginalState, Outcome, RecordedTarget, recordKey, ReleaseRequest, ResponseRequest, StepResult } from "./model";
import { observe, observeInstance, observeSurroundings } from "./observe";
import { CUT_STEPS, Decision, containPhases, phaseOf, planIsolation, planRelease, RELEASE_PHASES, SURROUNDING_STEPS } from "./plan";
import { PlanExecutor, subjectOf } from "./execute";
import type { IsolationReport, Reporter } from "./report";
import type { IsolationSettings } from "./settings";

export interface ResponderDeps {
  readonly settings: IsolationSettings;
  readonly clients: AccountClients;
  readonly ledger: Ledger;
  readonly reporter: Reporter;
  readonly now: () => number;
}

export interface ResponseSummary {
  readonly instanceId: string;
  readonly accountId: string;
  readonly region: string;
  readonly action: "isolate" | "release";
  readonly outcome: Outcome;
  readonly failures: readonly string[];
  /** False when the report could not be published (the invocation then fails, and the retry publishes it). */
  readonly reported: boolean;
  /** A replay of an event already answered: nothing changed, nothing published (counted in `ReplaysIgnored`). */
  readonly replay?: boolean;
}

export interface HandlerResult {
  readonly responses: ResponseSummary[];
  readonly dismissed: Dismissal[];
}

/** Outcomes that change nothing and are only logged: a replay must not mail the operators again. */
const QUIET: ReadonlySet<Outcome> = new Set<Outcome>(["already-isolated", "not-isolated", "released-finding"]);

/**
 * The whole function: reads the event, then responds to each instance it names, one after another. A failure on one
 * instance does not stop the others; the invocation fails at the end (so the event is retried, then kept in the
 * failure queue) if any response failed or left the network cut incomplete.
 */
export async function handleEvent(event: unknown, deps: ResponderDeps): Promise<HandlerResult> {
  const intake = readEvent(event, deps.settings);
  const dismissed = [...intake.dismissed];
  const responses: ResponseSummary[] = [];
  const errors: string[] = [];
  for (const request of dedupe(intake.requests)) {
    try {
      deps.clients.check(request.target);
    } catch (err) {
      if (!(err instanceof AccountNotEnrolledError)) throw err;
      dismissed.push({ disposition: "rejected", reason: `${request.instanceId}: ${err.message}` });
      continue;
    }
    try {
      const summary = request.kind === "isolate" ? await isolate(request, deps) : await release(request, deps);
      responses.push(summary);
      if (summary.outcome === "cut-failed") errors.push(`${request.instanceId}: network cut incomplete (${summary.failures.join("; ")})`);
      if (summary.outcome === "asg-hold-failed") errors.push(`${request.instanceId}: still in service in its Auto Scaling group, network not cut (${summary.failures.join("; ")})`);
      if (summary.outcome === "superseded" && request.kind === "release") errors.push(`${request.instanceId}: another run claimed the isolation record; release again`);
      // Processes suspended for a held instance stay suspended until a release resumes them: retried, not left.
      const heldGroup = summary.failures.filter((f) => f.startsWith("unprotect-asg ") || f.startsWith("lift-group-hold "));
      if (heldGroup.length > 0) errors.push(`${request.instanceId}: the Auto Scaling hold was not lifted (${heldGroup.join("; ")})`);
      if (!summary.reported) errors.push(`${request.instanceId}: the report could not be published`);
    } catch (err) {
      logger.error("response failed", { instanceId: request.instanceId, target: request.target, error: err as Error });
      errors.push(`${request.instanceId}: ${(err as Error).message}`);
    }
  }
  for (const d of dismissed) logger.warn(`event ${d.disposition}`, { ...d });
  for (const r of responses) {
    if (r.replay) countReplay(logger, { ...r });
    else logger.info("response", { ...r });
  }
  if (errors.length > 0) throw new Error(`isolation incomplete, the event will be retried: ${errors.join(" | ")}`);
  return { responses, dismissed };
}

function summarize(request: ResponseRequest, outcome: Outcome, failures: readonly string[], reported = true): ResponseSummary {
  return { instanceId: request.instanceId, accountId: request.target.accountId, region: request.target.region, action: request.kind, outcome, failures, reported };
}

const replayOf = (request: ResponseRequest, outcome: Outcome): ResponseSummary => ({ ...summarize(request, outcome, []), replay: true });

function baseReport(request: ResponseRequest, decision: Decision, mode: "enforce" | "detect", at: string): Omit<IsolationReport, "outcome" | "steps" | "failures"> {
  return {
    kind: "kamae.isolation-report",
    action: request.kind,
    detail: decision.detail,
    mode,
    accountId: request.target.accountId,
    region: request.target.region,
    instanceId: request.instanceId,
    ...(request.kind === "isolate" ? { findingId: request.findingId, source: request.source } : {}),
    reason: request.reason,
    at,
  };
}

const failuresOf = (steps: readonly StepResult[]) => steps.filter((s) => !s.ok).map((s) => `${s.step} ${s.subject}: ${s.error}`);

async function publishSafely(reporter: Reporter, report: IsolationReport): Promise<boolean> {
  try {
    await reporter.publish(report);
    return true;
  } catch (err) {
    logger.error("report not published", { instanceId: report.instanceId, error: err as Error });
    return false;
  }
}

const sameTarget = (a: RecordedTarget, b: RecordedTarget) => a.targetGroupArn === b.targetGroupArn && a.id === b.id && a.port === b.port;

async function isolate(request: IsolationRequest, deps: ResponderDeps): Promise<ResponseSummary> {
  const { settings, ledger } = deps;
  const now = deps.now();
  const nowIso = new Date(now).toISOString();
  const pk = recordKey(request.target, request.instanceId);
  const enforce = settings.mode === "enforce";
  // The breaker is read alongside (a new isolation needs it before its first change); a failed read is tried again then.
  const breakerRead = enforce ? ledger.readBreaker() : undefined;
  breakerRead?.catch(() => undefined);
  const [instance, memory] = await Promise.all([observeInstance(deps.clients, request.target, request.instanceId), ledger.read(pk)]);
  const record = memory.record;
  const runId = randomUUID();
  const active = record && record.status !== "released" ? record : undefined;
  const recordOf = (original: OriginalState): IsolationRecord =>
    active
      ? { ...active, runId }
      : {
          pk,
          runId,
          status: "isolating",
          accountId: request.target.accountId,
          region: request.target.region,
          instanceId: request.instanceId,
          original,
          findingId: request.findingId,
          source: request.source,
          reason: request.reason,
          isolatedAt: nowIso,
          ...(request.updatedAt ? { findingUpdatedAt: request.updatedAt } : {}),
          ...(record?.releasedFindings ? { releasedFindings: record.releasedFindings } : {}),
        };
  // The guard's write: a new isolation records the original state and counts itself in the breaker in one
  // transaction; a resumed one claims its record.
  const start = (begun: IsolationRecord): Promise<BeginResult> =>
    active
      ? ledger.claim(active, runId).then((owned) => (owned ? "started" : "already-recorded"))
      : ledger.begin(begun, { max: settings.breakerMaxIsolations, windowSeconds: settings.breakerWindowSeconds }, now, breakerRead);
  // When the instance alone calls for a change, the isolation is sure to act whatever the second round of reads finds
  // (it only adds steps): the guard's write then runs alongside that round, the target groups going on record later,
  // before the instance leaves them.
  const first = planIsolation(request, instance.observed, record, settings, nowIso);
  const early = enforce && first.outcome === "act" && first.actions.some((a) => !SURROUNDING_STEPS.has(a.step)) ? recordOf(instance.observed.original) : undefined;
  const starting = early && start(early);
  starting?.catch(() => undefined);
  const observed = await observeSurroundings(deps.clients, request.target, instance).catch(async (err) => {
    await starting?.catch(() => undefined);
    throw err;
  });
  const decision = planIsolation(request, observed, record, settings, nowIso);
  const base = baseReport(request, decision, settings.mode, nowIso);

  if (decision.outcome !== "act") {
    if (decision.outcome === "already-isolated" && record && (record.reported === false || record.status === "isolating") && enforce) {
      // The earlier delivery isolated but could not report, or left the record unfinished while the instance is in
      // fact isolated (the last failed step succeeded by then): finish and report now.
      const published = await publishSafely(deps.reporter, { ...base, outcome: "isolated", detail: "report of an earlier isolation", steps: [], failures: record.failures ?? [] });
      await ledger.finish({ ...record, status: "isolated", reported: published });
      return summarize(request, decision.outcome, [], published);
    } else if (!QUIET.has(decision.outcome)) {
      await deps.reporter.publish({ ...base, outcome: decision.outcome, steps: [], failures: [] });
    }
    if (decision.outcome === "finding-updated-after-release" && record && enforce) {
      // Reported once: a replay of this update is then a replay of a released finding.
      await ledger.finish({ ...record, releasedFindings: { ...record.releasedFindings, [request.findingId]: request.updatedAt ?? "" } });
    }
    return QUIET.has(decision.outcome) ? replayOf(request, decision.outcome) : summarize(request, decision.outcome, []);
  }
  if (!enforce) {
    await deps.reporter.publish({ ...base, outcome: "detect", steps: [], plan: decision.actions, failures: [] });
    return summarize(request, "detect", []);
  }

  const executor = new PlanExecutor(
    { clients: deps.clients, target: request.target, instanceId: request.instanceId, findingId: request.findingId, nowIso, ledger },
    observed.isolationGroups,
  );
  // Preparing isolation groups touches no instance, so it overlaps the guard's write and the containment steps
  // instead of following them; only the cut waits for it. (runPhases never rejects: failures are results.)
  const preparing = executor.runPhases(decision.actions, ["prepare"]);
  const begunRecord = early ?? recordOf(observed.original);
  const begun = await (starting ?? start(begunRecord));
  if (begun === "breaker-open") {
    await preparing;
    await deps.reporter.publish({
      ...base,
      outcome: "breaker-open",
      detail: `circuit breaker open: ${settings.breakerMaxIsolations} isolations in the last ${settings.breakerWindowSeconds} s; notifying only`,
      steps: [],
      plan: decision.actions,
      failures: [],
    });
    return summarize(request, "breaker-open", []);
  }
  if (begun === "already-recorded") {
    // A concurrent delivery of the same finding recorded it first and is executing the plan: leave it to that one
    // (if it fails, its own retry resumes from the record).
    await preparing;
    return replayOf(request, "already-isolated");
  }
  // The target groups the instance leaves are on record before it leaves them (a release registers it back there).
  const recorded = begunRecord.original.targets;
  const targets = [...recorded, ...observed.registeredTargets.filter((t) => !recorded.some((r) => sameTarget(r, t)))];
  const newRecord: IsolationRecord = { ...begunRecord, original: { ...begunRecord.original, targets } };
  const onRecord =
    targets.length === recorded.length
      ? Promise.resolve(undefined)
      : ledger.finish(newRecord).then(
          (owned) => (owned ? undefined : "another run claimed the isolation record"),
          (err: Error) => `${err.name}: ${err.message}`,
        );
  const leaving = onRecord.then((unrecorded) =>
    unrecorded === undefined
      ? executor.runPhases(decision.actions, ["leave"])
      : decision.actions
          .filter((a) => phaseOf(a) === "leave")
          .map((a): StepResult => ({ step: a.step, subject: subjectOf(a, request.instanceId), ok: false, error: `not attempted: its target groups could not be recorded first (${unrecorded})` })),
  );
  const contained = await executor.runPhases(decision.actions, containPhases(decision.actions, settings));
  // The cut waits for the target groups too: the load balancers stop sending traffic first.
  const left = await leaving;
  const prepared = await preparing;
  // The cut makes the instance fail its health checks: while Auto Scaling can still replace it, cutting would hand
  // the evidence to Auto Scaling's terminate. The cut then waits for the retry.
  const held = !contained.some((s) => s.step === "detach-asg" && !s.ok);
  const steps = [...prepared, ...contained, ...left];
  if (held) {
    const transitioned = await executor.runPhases(decision.actions, ["transition"]);
    // An interface whose allow-all step failed keeps its tracked flows through the empty group: it waits for the retry.
    const stuck = new Set(transitioned.filter((s) => !s.ok).map((s) => s.subject));
    const isolating = decision.actions.filter((a) => !(a.step === "cut-isolate" && stuck.has(a.networkInterfaceId)));
    steps.push(...transitioned, ...[...stuck].map((eni): StepResult => ({ step: "cut-isolate", subject: eni, ok: false, error: "not attempted: the allow-all transition failed" })));
    steps.push(...(await executor.runPhases(isolating, ["isolate", "after"])));
  } else {
    steps.push(...(await executor.runPhases(decision.actions, ["after"])));
  }
  const failures = failuresOf(steps);
  const cutFailed = steps.some((s) => !s.ok && CUT_STEPS.has(s.step));
  let outcome: Outcome = !held ? "asg-hold-failed" : cutFailed ? "cut-failed" : failures.length > 0 ? "isolated-with-failures" : "isolated";
  const snapshotIds = steps.find((s) => s.step === "snapshot" && s.ok)?.produced;
  const hold = steps.find((s) => s.step === "detach-asg" && s.ok)?.produced?.[0] as AsgHold | undefined;
  const finished: IsolationRecord = {
    ...newRecord,
    status: cutFailed || !held ? "isolating" : "isolated",
    ...(snapshotIds ? { snapshotIds } : {}),
    ...(steps.some((s) => s.step === "revoke-sessions" && s.ok) ? { sessionsRevoked: true } : {}),
    ...(hold ? { asgHold: hold } : {}),
    failures,
  };
  // Claimed only after the steps ran: a release that took the record meanwhile keeps it (reported below).
  const owned = await ledger.finish({ ...finished, reported: false });
  if (!owned) outcome = "superseded";
  const detail = owned ? base.detail : "a release claimed the isolation record while this isolation ran: the instance may be in a mixed state, check it";
  const published = await publishSafely(deps.reporter, { ...base, detail, outcome, steps, failures });
  if (owned && published) await ledger.finish({ ...finished, reported: true });
  return summarize(request, outcome, failures, published);
}

async function release(request: ReleaseRequest, deps: ResponderDeps): Promise<ResponseSummary> {
  const { settings, ledger } = deps;
  const nowIso = new Date(deps.now()).toISOString();
  const pk = recordKey(request.target, request.instanceId);
  const [observed, memory] = await Promise.all([observe(deps.clients, request.target, request.instanceId), ledger.read(pk)]);
  const decision = planRelease(request, observed, memory.record);
  const base = baseReport(request, decision, settings.mode, nowIso);
  if (decision.outcome !== "act") {
    const done = memory.record;
    if (done?.status === "released" && done.reported === false && settings.mode === "enforce") {
      // The earlier delivery released the instance but could not report it: report now, once.
      const published = await publishSafely(deps.reporter, { ...base, outcome: "released", detail: "report of an earlier release", steps: [], failures: done.failures ?? [] });
      if (published) await ledger.finish({ ...done, reported: true });
      return summarize(request, "released", [], published);
    }
    if (QUIET.has(decision.outcome)) return replayOf(request, decision.outcome);
    await deps.reporter.publish({ ...base, outcome: decision.outcome, steps: [], failures: [] });
    return summarize(request, decision.outcome, []);
  }
  if (settings.mode === "detect") {
    await deps.reporter.publish({ ...base, outcome: "detect", steps: [], plan: decision.actions, failures: [] });
    return summarize(request, "detect", []);
  }
  const record = memory.record!;
  const runId = randomUUID();
  if (!(await ledger.claim(record, runId))) {
    await deps.reporter.publish({ ...base, outcome: "superseded", detail: "another run claimed the isolation record first: nothing restored", steps: [], failures: [] });
    return summarize(request, "superseded", []);
  }
  const executor = new PlanExecutor({ clients: deps.clients, target: request.target, instanceId: request.instanceId, findingId: record.findingId, nowIso, ledger }, []);
  const steps = await executor.runPhases(decision.actions, RELEASE_PHASES);
  const failures = failuresOf(steps);
  let outcome: Outcome = failures.length > 0 ? "released-with-failures" : "released";
  // A partial release stays "isolated" on record, so the release can be asked again and finishes what failed. A
  // completed one remembers the finding, so that its replays do not isolate again.
  const releasedFindings = failures.length > 0 ? record.releasedFindings : { ...record.releasedFindings, [record.findingId]: record.findingUpdatedAt ?? "" };
  const finished: IsolationRecord = {
    ...record,
    runId,
    status: failures.length > 0 ? record.status : "released",
    releasedAt: nowIso,
    failures,
    ...(releasedFindings ? { releasedFindings } : {}),
  };
  // Recorded as unreported until the report is out: a retry of a release whose report failed publishes it.
  const owned = await ledger.finish({ ...finished, reported: false });
  if (!owned) outcome = "superseded";
  const published = await publishSafely(deps.reporter, { ...base, outcome, steps, failures });
  if (owned && published) await ledger.finish({ ...finished, reported: true });
  return summarize(request, outcome, failures, published);
}
