/**
 * Tag keys that connect Kamae's components: AutoHealingGroup puts them on its instances, and InstanceIsolation,
 * AgentRollout and TrafficMirrorFeed select instances by them (so their defaults match without configuration).
 */
export const KamaeTags = {
  /** Instances InstanceIsolation may act on (value "true"). */
  isolationScope: "kamae:isolation-scope",
  /** Instances never isolated automatically, whatever the finding (value "true"): the blast-radius escape hatch. */
  protected: "kamae:protected",
  /** Instances that AgentRollout installs the host agent on (value "true"). */
  agentRollout: "kamae:agent-rollout",
  /** Instances whose ENIs TrafficMirrorFeed mirrors to the sensor (value "true"). */
  trafficMirror: "kamae:traffic-mirror",
  /** Set on an isolated instance: "isolated" or "released". */
  isolationStatus: "kamae:isolation-status",
  /** Lambda functions that applicationProtection() must leave alone (value "true"). */
  protectionOptOut: "kamae:protection-opt-out",
} as const;

/**
 * The tag EC2 Auto Scaling puts on every instance it launches or attaches (the group's name), and removes when the
 * instance is detached (Amazon EC2 Auto Scaling User Guide, "Tag Auto Scaling groups and instances").
 */
export const AUTO_SCALING_GROUP_TAG = "aws:autoscaling:groupName";
