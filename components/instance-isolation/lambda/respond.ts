import { AccountClients, AccountNotEnrolledError } from "../../shared/aws/account-clients";
import { logger } from "../../shared/runtime/logger";
import { dedupe, Dismissal, readEvent } from "./intake";
import type { Ledger } from "./ledger";
import { IsolationRecord, IsolationRequest, Outcome, recordKey, ReleaseRequest, ResponseRequest, StepResult } from "./model";
import { observe } from "./observe";
import { CUT_STEPS, Decision, planIsolation, planRelease, RELEASE_PHASES } from "./plan";
import { PlanExecutor } from "./execute";
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
}

export interface HandlerResult {
  readonly responses: ResponseSummary[];
  readonly dismissed: Dismissal[];
}

/** Outcomes that change nothing and are only logged: a replay must not mail the operators again. */
const QUIET: ReadonlySet<Outcome> = new Set<Outcome>(["already-isolated", "not-isolated"]);

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
      if (!summary.reported) errors.push(`${request.instanceId}: the report could not be published`);
    } catch (err) {
      logger.error("response failed", { instanceId: request.instanceId, target: request.target, error: err as Error });
      errors.push(`${request.instanceId}: ${(err as Error).message}`);
    }
  }
  for (const d of dismissed) logger.warn(`event ${d.disposition}`, { ...d });
  for (const r of responses) logger.info("response", { ...r });
  if (errors.length > 0) throw new Error(`isolation incomplete, the event will be retried: ${errors.join(" | ")}`);
  return { responses, dismissed };
}

function summarize(request: ResponseRequest, outcome: Outcome, failures: readonly string[], reported = true): ResponseSummary {
  return { instanceId: request.instanceId, accountId: request.target.accountId, region: request.target.region, action: request.kind, outcome, failures, reported };
}

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

async function isolate(request: IsolationRequest, deps: ResponderDeps): Promise<ResponseSummary> {
  const { settings, ledger } = deps;
  const now = deps.now();
  const nowIso = new Date(now).toISOString();
  const pk = recordKey(request.target, request.instanceId);
  const [observed, memory] = await Promise.all([observe(deps.clients, request.target, request.instanceId), ledger.read(pk)]);
  const record = memory.record;
  const decision = planIsolation(request, observed, record, settings, nowIso);
  const base = baseReport(request, decision, settings.mode, nowIso);

  if (decision.outcome !== "act") {
    if (decision.outcome === "already-isolated" && record && record.reported === false) {
      // The earlier delivery isolated but could not report: report now.
      const published = await publishSafely(deps.reporter, { ...base, outcome: "isolated", detail: "report of an earlier isolation", steps: [], failures: record.failures ?? [] });
      if (published) await ledger.finish({ ...record, reported: true });
      return summarize(request, decision.outcome, [], published);
    } else if (!QUIET.has(decision.outcome)) {
      await deps.reporter.publish({ ...base, outcome: decision.outcome, steps: [], failures: [] });
    }
    return summarize(request, decision.outcome, []);
  }
  if (settings.mode === "detect") {
    await deps.reporter.publish({ ...base, outcome: "detect", steps: [], plan: decision.actions, failures: [] });
    return summarize(request, "detect", []);
  }

  const active = record && record.status !== "released" ? record : undefined;
  const newRecord: IsolationRecord = active ?? {
    pk,
    status: "isolating",
    accountId: request.target.accountId,
    region: request.target.region,
    instanceId: request.instanceId,
    original: observed.original,
    findingId: request.findingId,
    source: request.source,
    reason: request.reason,
    isolatedAt: nowIso,
  };
  const executor = new PlanExecutor(
    { clients: deps.clients, target: request.target, instanceId: request.instanceId, findingId: request.findingId, nowIso },
    observed.isolationGroups,
  );
  // Preparing isolation groups touches no instance, so it overlaps the guard's write and the containment steps
  // instead of following them; only the cut waits for it. (runPhases never rejects: failures are results.)
  const preparing = executor.runPhases(decision.actions, ["prepare"]);
  const begun = decision.isNew
    ? await ledger.begin(newRecord, memory.breaker, { max: settings.breakerMaxIsolations, windowMs: settings.breakerWindowSeconds * 1000, now })
    : "started";
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
    return summarize(request, "already-isolated", []);
  }
  const contained = await executor.runPhases(decision.actions, ["contain"]);
  const prepared = await preparing;
  const steps = [...prepared, ...contained, ...(await executor.runPhases(decision.actions, ["transition", "isolate", "after"]))];
  const failures = failuresOf(steps);
  const cutFailed = steps.some((s) => !s.ok && CUT_STEPS.has(s.step));
  const outcome: Outcome = cutFailed ? "cut-failed" : failures.length > 0 ? "isolated-with-failures" : "isolated";
  const published = await publishSafely(deps.reporter, { ...base, outcome, steps, failures });
  const snapshotIds = steps.find((s) => s.step === "snapshot" && s.ok)?.produced;
  await ledger.finish({
    ...newRecord,
    status: cutFailed ? "isolating" : "isolated",
    ...(snapshotIds ? { snapshotIds } : {}),
    ...(steps.some((s) => s.step === "revoke-sessions" && s.ok) ? { sessionsRevoked: true } : {}),
    failures,
    reported: published,
  });
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
    if (!QUIET.has(decision.outcome)) await deps.reporter.publish({ ...base, outcome: decision.outcome, steps: [], failures: [] });
    return summarize(request, decision.outcome, []);
  }
  if (settings.mode === "detect") {
    await deps.reporter.publish({ ...base, outcome: "detect", steps: [], plan: decision.actions, failures: [] });
    return summarize(request, "detect", []);
  }
  const executor = new PlanExecutor({ clients: deps.clients, target: request.target, instanceId: request.instanceId, findingId: memory.record!.findingId, nowIso }, []);
  const steps = await executor.runPhases(decision.actions, RELEASE_PHASES);
  const failures = failuresOf(steps);
  const outcome: Outcome = failures.length > 0 ? "released-with-failures" : "released";
  // A partial release stays "isolated" on record, so the release can be asked again and finishes what failed.
  await ledger.finish({ ...memory.record!, status: failures.length > 0 ? memory.record!.status : "released", releasedAt: nowIso, failures });
  const published = await publishSafely(deps.reporter, { ...base, outcome, steps, failures });
  return summarize(request, outcome, failures, published);
}
