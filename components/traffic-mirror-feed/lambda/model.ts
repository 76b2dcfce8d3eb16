/** What the sessions function knows and decides: plain data, so the planner is a pure function of it. */

/** Tag on the sessions this feed creates (value: the feed's name): the function only ever deletes sessions it tagged. */
export const FEED_TAG = "kamae:traffic-mirror-feed";
/** Tag on the sessions this feed creates (value: the source instance), to find them after the instance's ENIs are gone. */
export const SOURCE_INSTANCE_TAG = "kamae:traffic-mirror-source";
/**
 * Tag the function sets on an instance it cannot mirror (value `unsupported` or `session-limit`), so that the instance
 * is reported once and not retried on every run; deleting the tag asks for another attempt.
 */
export const MIRROR_STATUS_TAG = "kamae:traffic-mirror-status";

/** AWS quotas: 3 sessions per source ENI (not adjustable); session numbers 1–32766. */
export const MAX_SESSIONS_PER_ENI = 3;
export const MAX_SESSION_NUMBER = 32766;

export type Mode = "enforce" | "detect";

export interface FeedSettings {
  /** The feed's name, the value of FEED_TAG on its sessions. */
  readonly feedName: string;
  readonly targetId: string;
  readonly filterId: string;
  /** Preferred session number (priority on the ENI); the next free one above it when taken by another session. */
  readonly sessionNumber: number;
  /** VXLAN id; AWS picks a unique one when absent. */
  readonly virtualNetworkId?: number;
  /** Bytes of each packet to mirror; the whole packet when absent. */
  readonly packetLength?: number;
  /** Instances carrying this tag with `tagValue` are mirrored. */
  readonly tagKey: string;
  readonly tagValue: string;
  readonly mode: Mode;
  /** Safety limit: at most this many actions per invocation; the rest is deferred to the next run. */
  readonly maxActions: number;
}

export interface NetworkInterfaceView {
  readonly eniId: string;
  /** "interface" is the only type Traffic Mirroring accepts as a source (not "efa", "trunk", …). */
  readonly interfaceType: string;
}

export interface InstanceView {
  readonly instanceId: string;
  /** pending | running | shutting-down | terminated | stopping | stopped, or "absent" when EC2 no longer knows it. */
  readonly state: string;
  readonly instanceType: string;
  /** Carries the feed's selection tag. */
  readonly selected: boolean;
  /** Value of MIRROR_STATUS_TAG, when set. */
  readonly mirrorStatus?: string;
  readonly networkInterfaces: readonly NetworkInterfaceView[];
}

export interface SessionView {
  readonly sessionId: string;
  readonly eniId: string;
  readonly targetId: string;
  readonly filterId: string;
  readonly sessionNumber: number;
  /** Created by this feed (FEED_TAG equals the feed's name). */
  readonly managed: boolean;
  /** SOURCE_INSTANCE_TAG, on managed sessions. */
  readonly sourceInstanceId?: string;
}

export type Action =
  | { kind: "create-session"; instanceId: string; eniId: string; sessionNumber: number; reason: string }
  | { kind: "delete-session"; sessionId: string; eniId: string; instanceId?: string; reason: string }
  | { kind: "mark-instance"; instanceId: string; status: "unsupported" | "session-limit"; reason: string };

export interface Plan {
  readonly accountId: string;
  readonly region: string;
  readonly actions: Action[];
  /** Things seen and deliberately left alone, with the reason (reported, not acted on). */
  readonly notes: string[];
  /** Actions beyond the safety limit, left for the next run. */
  readonly deferred: Action[];
}

export interface Outcome {
  readonly action: Action;
  readonly result: "done" | "already-done" | "failed" | "not-executed";
  readonly detail?: string;
  /** Throttling or a server error: worth retrying the whole event. */
  readonly retryable?: boolean;
}
