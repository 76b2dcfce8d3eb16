import { createHash } from "node:crypto";
import { CreateTagsCommand, CreateTrafficMirrorSessionCommand, DeleteTrafficMirrorSessionCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { FEED_TAG, MIRROR_STATUS_TAG, SOURCE_INSTANCE_TAG, type Action, type FeedSettings, type Outcome, type Plan } from "./model";

/** Same session, same token: a replayed create returns the existing session instead of making a second one. */
export function clientToken(settings: FeedSettings, eniId: string): string {
  return createHash("sha256").update([settings.feedName, eniId, settings.targetId, settings.filterId].join("|")).digest("hex").slice(0, 64);
}

function isRetryable(err: unknown): boolean {
  const e = err as { name?: string; $fault?: string; $retryable?: unknown };
  return e.$fault === "server" || e.$retryable !== undefined || /Throttl|RequestLimitExceeded|ServiceUnavailable|InternalError/.test(e.name ?? "");
}

/** AWS's refusals that mean "this source cannot be mirrored", whatever our instance-type list said. */
function isUnsupportedSource(err: unknown): boolean {
  const e = err as { name?: string; message?: string };
  return e.name === "UnsupportedOperation" || /not supported|unsupported/i.test(e.message ?? "");
}

/**
 * Carries out a plan, one action after the other; a failed action never stops the others. Deleting a session that is
 * already gone counts as done. In detect mode nothing is called and every outcome is "not-executed".
 */
export async function executePlan(ec2: EC2Client, plan: Plan, settings: FeedSettings): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const unsupported = new Set<string>();
  for (const action of plan.actions) {
    if (settings.mode === "detect") {
      outcomes.push({ action, result: "not-executed" });
      continue;
    }
    if (action.kind === "create-session" && unsupported.has(action.instanceId)) {
      outcomes.push({ action, result: "not-executed", detail: "AWS refused another ENI of this instance as a mirror source" });
      continue;
    }
    try {
      outcomes.push(await execute(ec2, action, settings));
    } catch (err) {
      const e = err as Error;
      outcomes.push({ action, result: "failed", detail: `${e.name}: ${e.message}`, retryable: isRetryable(err) });
      if (action.kind === "create-session" && !isRetryable(err) && isUnsupportedSource(err)) {
        unsupported.add(action.instanceId);
        const mark: Action = { kind: "mark-instance", instanceId: action.instanceId, status: "unsupported", reason: `AWS refused ${action.eniId} as a mirror source: ${e.message}` };
        try {
          outcomes.push(await execute(ec2, mark, settings));
        } catch (markErr) {
          outcomes.push({ action: mark, result: "failed", detail: (markErr as Error).message, retryable: isRetryable(markErr) });
        }
      }
    }
  }
  return outcomes;
}

async function execute(ec2: EC2Client, action: Action, settings: FeedSettings): Promise<Outcome> {
  switch (action.kind) {
    case "create-session": {
      const out = await ec2.send(
        new CreateTrafficMirrorSessionCommand({
          NetworkInterfaceId: action.eniId,
          TrafficMirrorTargetId: settings.targetId,
          TrafficMirrorFilterId: settings.filterId,
          SessionNumber: action.sessionNumber,
          VirtualNetworkId: settings.virtualNetworkId,
          PacketLength: settings.packetLength,
          Description: `Kamae TrafficMirrorFeed ${settings.feedName}: ${action.instanceId}`,
          ClientToken: clientToken(settings, action.eniId),
          TagSpecifications: [
            {
              ResourceType: "traffic-mirror-session",
              Tags: [
                { Key: FEED_TAG, Value: settings.feedName },
                { Key: SOURCE_INSTANCE_TAG, Value: action.instanceId },
                { Key: "Name", Value: `${settings.feedName}-${action.eniId}` },
              ],
            },
          ],
        }),
      );
      return { action, result: "done", detail: out.TrafficMirrorSession?.TrafficMirrorSessionId };
    }
    case "delete-session":
      try {
        await ec2.send(new DeleteTrafficMirrorSessionCommand({ TrafficMirrorSessionId: action.sessionId }));
        return { action, result: "done" };
      } catch (err) {
        if ((err as Error).name === "InvalidTrafficMirrorSessionId.NotFound") return { action, result: "already-done" };
        throw err;
      }
    case "mark-instance":
      try {
        await ec2.send(new CreateTagsCommand({ Resources: [action.instanceId], Tags: [{ Key: MIRROR_STATUS_TAG, Value: action.status }] }));
        return { action, result: "done" };
      } catch (err) {
        // The instance is gone: nothing left to mark or to retry.
        if ((err as Error).name === "InvalidInstanceID.NotFound") return { action, result: "already-done" };
        throw err;
      }
  }
}
