import { parseEventBridgeEventOf } from "./eventbridge";
import { FieldReader, INSTANCE_ID } from "./fields";
import { fail, guarded, ok, type ParseResult } from "./result";

export type Ec2InstanceState = "pending" | "running" | "shutting-down" | "terminated" | "stopping" | "stopped";
const STATES = /^(?:pending|running|shutting-down|terminated|stopping|stopped)$/;

export interface Ec2StateChange {
  instanceId: string;
  state: Ec2InstanceState;
  accountId: string;
  region: string;
  time: string;
}

/** Reads an "EC2 Instance State-change Notification" from aws.ec2. */
export function parseEc2StateChange(event: unknown): ParseResult<Ec2StateChange> {
  return guarded("EC2 state-change event", () => {
    const envelope = parseEventBridgeEventOf(event, "aws.ec2", "EC2 Instance State-change Notification");
    if (!envelope.ok) return envelope;
    const { account, region, time, detail } = envelope.value;
    const r = new FieldReader(detail, "detail");
    const instanceId = r.matching("instance-id", INSTANCE_ID, "an instance id", true);
    const state = r.matching("state", STATES, "an instance state", true);
    if (r.errors.length > 0) return fail(r.errors.join("; "));
    return ok({ instanceId: instanceId!, state: state as Ec2InstanceState, accountId: account, region, time });
  });
}
