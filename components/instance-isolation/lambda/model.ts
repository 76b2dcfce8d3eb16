import type { ActionTarget } from "../../shared/aws/account-clients";

/** What the function was asked to do, after parsing and filtering (never raw input). */
export interface IsolationRequest {
  readonly kind: "isolate";
  readonly target: ActionTarget;
  readonly instanceId: string;
  /** Why, in one line (rule name, finding title). */
  readonly reason: string;
  readonly findingId: string;
  /** Who detected it: "deep-security", "guardduty" or the caller's own label. */
  readonly source: string;
  /** When the finding was last updated (GuardDuty's `updatedAt`): tells a replay from a newer update of it. */
  readonly updatedAt?: string;
}

export interface ReleaseRequest {
  readonly kind: "release";
  readonly target: ActionTarget;
  readonly instanceId: string;
  readonly reason: string;
}

export type ResponseRequest = IsolationRequest | ReleaseRequest;

export interface RecordedTarget {
  readonly targetGroupArn: string;
  readonly id: string;
  readonly port?: number;
  readonly availabilityZone?: string;
}

export interface RecordedInterface {
  readonly networkInterfaceId: string;
  readonly vpcId: string;
  readonly groupIds: readonly string[];
}

export interface RecordedAddress {
  readonly allocationId: string;
  readonly publicIp: string;
  readonly networkInterfaceId?: string;
  readonly privateIpAddress?: string;
}

export interface RecordedVolume {
  readonly deviceName: string;
  readonly volumeId?: string;
  readonly deleteOnTermination: boolean;
}

/** The instance's state before isolation: everything a release restores. */
export interface OriginalState {
  readonly autoScalingGroupName?: string;
  readonly targets: readonly RecordedTarget[];
  readonly networkInterfaces: readonly RecordedInterface[];
  readonly addresses: readonly RecordedAddress[];
  readonly instanceProfileArn?: string;
  readonly disableApiTermination: boolean;
  readonly shutdownBehavior: string;
  readonly volumes: readonly RecordedVolume[];
}

export type IsolationStatus = "isolating" | "isolated" | "released";

/**
 * How the instance was put out of Auto Scaling's reach: detached (a replacement launches), in Standby (the same, the
 * instance stays a member), or protected from scale-in with the group's unhealthy-instance replacement suspended.
 */
export type AsgHold = "detached" | "standby" | "protected";

/** The DynamoDB item kept per instance: the original state and what the response did. */
export interface IsolationRecord {
  readonly pk: string;
  readonly status: IsolationStatus;
  readonly accountId: string;
  readonly region: string;
  readonly instanceId: string;
  readonly original: OriginalState;
  readonly findingId: string;
  readonly source: string;
  readonly reason: string;
  readonly isolatedAt: string;
  readonly snapshotIds?: readonly string[];
  readonly sessionsRevoked?: boolean;
  readonly failures?: readonly string[];
  /** False when the report could not be published: the next delivery of the event publishes it. */
  readonly reported?: boolean;
  readonly releasedAt?: string;
  /** The run that owns the record now: only it may finish it (a release racing an isolation cannot overwrite it). */
  readonly runId?: string;
  readonly asgHold?: AsgHold;
  /** `updatedAt` of the finding that isolated the instance. */
  readonly findingUpdatedAt?: string;
  /** Findings an operator released, with their `updatedAt`: a replay of one of them changes nothing. */
  readonly releasedFindings?: Readonly<Record<string, string>>;
}

/** A security group rule as EC2 describes it (kept opaque: revoked exactly as read). */
export type IpPermission = Record<string, unknown>;

/** An isolation group found in a VPC, with the rules it has now. */
export interface IsolationGroup {
  readonly groupId: string;
  readonly vpcId: string;
  readonly role: "empty" | "transition";
  readonly ingress: readonly IpPermission[];
  readonly egress: readonly IpPermission[];
}

/** What the function read about the instance (and around it) before deciding. */
export interface ObservedState {
  readonly found: boolean;
  readonly instanceState?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly original: OriginalState;
  /** The current instance-profile association, to replace it. */
  readonly profileAssociationId?: string;
  /** Current Elastic IP associations (to disassociate). */
  readonly addressAssociations: ReadonlyArray<{ associationId: string; publicIp: string; allocationId: string }>;
  /** Target groups that hold the instance now (state neither draining nor unused). */
  readonly registeredTargets: readonly RecordedTarget[];
  /** Isolation groups that exist in the instance's VPCs. */
  readonly isolationGroups: readonly IsolationGroup[];
  /** The instance's Auto Scaling lifecycle state (InService, Standby...) and scale-in protection, when in a group. */
  readonly autoScaling?: { readonly lifecycleState?: string; readonly protectedFromScaleIn: boolean };
}

/** One AWS change, with the reason it is made. The plan is a list of these; detect mode reports it. */
export type Action = { readonly reason: string } & (
  | { readonly step: "preserve-evidence"; readonly attribute: "disableApiTermination" | "instanceInitiatedShutdownBehavior" }
  | { readonly step: "preserve-volumes"; readonly deviceNames: readonly string[] }
  | { readonly step: "tag"; readonly tags: Readonly<Record<string, string>> }
  | { readonly step: "detach-asg"; readonly autoScalingGroupName: string }
  | { readonly step: "deregister-target"; readonly target: RecordedTarget }
  | {
      readonly step: "prepare-isolation-group";
      readonly vpcId: string;
      readonly role: "empty" | "transition";
      /** Present when the group exists: rules to strip (empty) or to add (transition) are worked out from it. */
      readonly existing?: IsolationGroup;
    }
  | { readonly step: "cut-transition"; readonly networkInterfaceId: string; readonly vpcId: string }
  | { readonly step: "cut-isolate"; readonly networkInterfaceId: string; readonly vpcId: string }
  | { readonly step: "disassociate-eip"; readonly associationId: string; readonly publicIp: string }
  | { readonly step: "replace-profile"; readonly associationId?: string; readonly profileName: string }
  | { readonly step: "revoke-sessions"; readonly instanceProfileArn: string }
  | { readonly step: "snapshot"; readonly volumeCount: number }
  | { readonly step: "restore-groups"; readonly networkInterfaceId: string; readonly groupIds: readonly string[] }
  | { readonly step: "associate-eip"; readonly address: RecordedAddress }
  | { readonly step: "restore-profile"; readonly associationId?: string; readonly instanceProfileArn?: string }
  | { readonly step: "register-target"; readonly target: RecordedTarget }
  | { readonly step: "attach-asg"; readonly autoScalingGroupName: string }
  | { readonly step: "exit-standby"; readonly autoScalingGroupName: string }
  | { readonly step: "unprotect-asg"; readonly autoScalingGroupName: string }
  /** An instance gone while it held its group (terminated, deleted): only its hold on the group's processes is undone. */
  | { readonly step: "lift-group-hold"; readonly autoScalingGroupName: string }
  | { readonly step: "restore-attributes"; readonly disableApiTermination: boolean; readonly shutdownBehavior: string; readonly volumes: readonly RecordedVolume[] }
);

export type Step = Action["step"];

/** The outcome of one executed action, as the report lists it. */
export interface StepResult {
  readonly step: Step;
  readonly subject: string;
  readonly ok: boolean;
  readonly error?: string;
  /** Ids the step produced (snapshot ids, created group ids, the Auto Scaling hold). */
  readonly produced?: readonly string[];
  /** What the step had to do instead of its first choice (a fallback), for the report. */
  readonly note?: string;
}

export type Outcome =
  | "isolated"
  | "isolated-with-failures"
  | "cut-failed"
  | "asg-hold-failed"
  | "superseded"
  | "released-finding"
  | "finding-updated-after-release"
  | "detect"
  | "breaker-open"
  | "already-isolated"
  | "protected"
  | "out-of-scope"
  | "not-found"
  | "released"
  | "released-with-failures"
  | "not-isolated";

/** The isolation group key: one empty and one transition group per VPC. */
export const groupKey = (vpcId: string, role: "empty" | "transition"): string => `${vpcId}/${role}`;

/** DynamoDB key of an instance's record: the instance id alone is not unique across accounts and Regions. */
export const recordKey = (target: ActionTarget, instanceId: string): string => `instance#${target.accountId}#${target.region}#${instanceId}`;

/** Tag on isolation security groups (value "empty" or "transition"): how the function finds them in any VPC. */
export const ISOLATION_GROUP_TAG = "kamae:isolation-group";
