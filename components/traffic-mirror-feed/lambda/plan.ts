import { mirrorSupport } from "./instance-types";
import {
  MAX_SESSION_NUMBER,
  MAX_SESSIONS_PER_ENI,
  type Action,
  type FeedSettings,
  type InstanceView,
  type Plan,
  type SessionView,
} from "./model";

const GONE = new Set(["shutting-down", "terminated", "absent"]);

/** The state the planner reads: the instances concerned and every session on their ENIs plus the feed's own sessions. */
export interface ObservedState {
  readonly accountId: string;
  readonly region: string;
  readonly instances: readonly InstanceView[];
  readonly sessions: readonly SessionView[];
}

/**
 * The actions that make the feed match the instances: a session on every mirrorable ENI of every selected running
 * instance, none of the feed's sessions anywhere else. Another tool's sessions are never touched. Pure: the same state
 * gives the same plan, and the plan for a state the feed already matches is empty (idempotency).
 *
 * `scope` limits deletions of orphaned sessions: "instances" (an event) only removes sessions of the instances
 * observed; "all" (the reconciler) also removes feed sessions whose source instance was not seen at all.
 */
export function planFeed(state: ObservedState, settings: FeedSettings, scope: "instances" | "all"): Plan {
  const actions: Action[] = [];
  const notes: string[] = [];
  const sessionsByEni = new Map<string, SessionView[]>();
  for (const s of state.sessions) sessionsByEni.set(s.eniId, [...(sessionsByEni.get(s.eniId) ?? []), s]);
  const ours = (s: SessionView) => s.managed || (s.targetId === settings.targetId && s.filterId === settings.filterId);

  for (const instance of [...state.instances].sort((a, b) => a.instanceId.localeCompare(b.instanceId))) {
    const id = instance.instanceId;
    const eniIds = new Set(instance.networkInterfaces.map((n) => n.eniId));

    if (GONE.has(instance.state) || !instance.selected) {
      const feedSessions = state.sessions.filter((s) => s.managed && (eniIds.has(s.eniId) || s.sourceInstanceId === id));
      const why = GONE.has(instance.state) ? `instance ${id} is ${instance.state}` : `instance ${id} no longer carries ${settings.tagKey}=${settings.tagValue}`;
      for (const s of feedSessions) actions.push({ kind: "delete-session", sessionId: s.sessionId, eniId: s.eniId, instanceId: id, reason: why });
      continue;
    }
    // A selected instance that is pending, stopping or stopped keeps its sessions (its ENIs stay) and gets none yet.
    if (instance.state !== "running") continue;

    if (instance.mirrorStatus !== undefined && instance.mirrorStatus !== "") {
      notes.push(`instance ${id} skipped: already reported as ${instance.mirrorStatus} (delete tag to retry)`);
      continue;
    }
    const support = mirrorSupport(instance.instanceType);
    if (!support.supported) {
      actions.push({ kind: "mark-instance", instanceId: id, status: "unsupported", reason: support.reason });
      continue;
    }
    let limitReached = false;
    for (const eni of [...instance.networkInterfaces].sort((a, b) => a.eniId.localeCompare(b.eniId))) {
      if (eni.interfaceType !== "interface") {
        notes.push(`${eni.eniId} of ${id} is of type ${eni.interfaceType}: Traffic Mirroring only mirrors type "interface"`);
        continue;
      }
      // Stryker disable next-line ArrayDeclaration: equivalent, a made-up session is not ours, takes no number and leaves room
      const onEni = sessionsByEni.get(eni.eniId) ?? [];
      if (onEni.some(ours)) continue;
      if (onEni.length >= MAX_SESSIONS_PER_ENI) {
        limitReached = true;
        notes.push(`${eni.eniId} of ${id} already has ${onEni.length} sessions, AWS's limit per ENI`);
        continue;
      }
      const used = new Set(onEni.map((s) => s.sessionNumber));
      let n = settings.sessionNumber;
      // Stryker disable next-line ConditionalExpression: equivalent, the loop ends at the first free number either way and the bound is checked next
      while (used.has(n) && n <= MAX_SESSION_NUMBER) n++;
      if (n > MAX_SESSION_NUMBER) {
        limitReached = true;
        notes.push(`${eni.eniId} of ${id}: no free session number at or after ${settings.sessionNumber}`);
        continue;
      }
      const why = n === settings.sessionNumber ? "" : ` (session number ${settings.sessionNumber} is taken by another session)`;
      actions.push({ kind: "create-session", instanceId: id, eniId: eni.eniId, sessionNumber: n, reason: `selected instance ${id} is running; ${eni.eniId} is not mirrored${why}` });
    }
    if (limitReached) {
      actions.push({ kind: "mark-instance", instanceId: id, status: "session-limit", reason: `an ENI of ${id} has no room for another mirror session` });
    }
  }

  if (scope === "all") {
    // The sessions of the instances observed were decided above (kept or deleted): only the others are orphans.
    const seen = new Set(state.instances.map((i) => i.instanceId));
    const allEnis = new Set(state.instances.flatMap((i) => i.networkInterfaces.map((n) => n.eniId)));
    for (const s of state.sessions) {
      if (!s.managed) continue;
      // Stryker disable next-line ConditionalExpression: equivalent, no instance id is undefined
      if (allEnis.has(s.eniId) || (s.sourceInstanceId !== undefined && seen.has(s.sourceInstanceId))) continue;
      actions.push({ kind: "delete-session", sessionId: s.sessionId, eniId: s.eniId, instanceId: s.sourceInstanceId, reason: "source instance is gone or no longer selected" });
    }
  }

  const limited = actions.slice(0, settings.maxActions);
  const deferred = actions.slice(settings.maxActions);
  if (deferred.length > 0) notes.push(`${deferred.length} actions deferred to the next run (safety limit of ${settings.maxActions} per run)`);
  return { accountId: state.accountId, region: state.region, actions: limited, notes, deferred };
}
