import { CreateTagsCommand, DescribeTagsCommand, EC2Client, type DescribeTagsCommandInput } from "@aws-sdk/client-ec2";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import {
  DescribeInstanceInformationCommand,
  ListCommandsCommand,
  SendCommandCommand,
  SSMClient,
  type Command,
  type DescribeInstanceInformationCommandInput,
} from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import type { ReportedEvents } from "../../components/shared/aws/reported-events";
import { fakeReportedEvents } from "../harness/reported-events";
import { AccountClients, type ActionTarget } from "../../components/shared/aws/account-clients";
import { awsError, FakeClock } from "../harness/aws";
import { refusePublish } from "../harness/sns";

/**
 * Systems Manager, EC2 tags and SNS as they behave for PatchOnFinding, one world per account and Region: SendCommand
 * refuses instances that are not managed or not Online (InvalidInstanceId), unknown documents and bad parameters;
 * ListCommands validates its filters, pages at MaxResults (1-50) with tokens; CreateTags refuses unknown instances and
 * reserved keys; Publish enforces SNS's subject and size limits.
 */

export interface FakeInstance {
  managed: boolean;
  pingStatus?: "Online" | "ConnectionLost" | "Inactive";
  tags: Record<string, string>;
}

export interface FakeCommand {
  CommandId: string;
  DocumentName: string;
  InstanceIds: string[];
  Comment?: string;
  Parameters?: Record<string, string[]>;
  Status: string;
  RequestedDateTime: Date;
}

interface World {
  instances: Map<string, FakeInstance>;
  commands: FakeCommand[];
  sent: number;
}

const FILTER_KEYS = new Set(["InvokedAfter", "InvokedBefore", "Status", "ExecutionStage", "DocumentName"]);
const STATUSES = new Set(["Pending", "InProgress", "Success", "Cancelled", "Failed", "TimedOut", "Cancelling"]);
const DOCUMENTS = new Set(["AWS-RunPatchBaseline", "AWS-RunShellScript"]);

export class FakeAws {
  readonly clock = new FakeClock();
  readonly worlds = new Map<string, World>();
  readonly published: Array<{ TopicArn: string; Subject?: string; Message: string }> = [];
  readonly topics = new Set<string>();
  readonly clients: Pick<AccountClients, "client">;
  /** Every write call, in order: what a test asserts "changed nothing" on. */
  readonly writes: string[] = [];
  /** Every call, in order ("ssm:ListCommands"), and fault injection: an error for a call, thrown before it has any effect. */
  readonly calls: string[] = [];
  fault?: (call: string) => Error | undefined;
  /** The responder's record of answered findings, by key (DynamoDB). */
  readonly answered: Map<string, Record<string, any>>;
  readonly reported: ReportedEvents;
  /** The record in a table of this name (the component's, in the least-privilege test). */
  readonly reportedIn: (tableName: string) => ReportedEvents;
  /** Runs before SendCommand is judged: lets a test change the world between the responder's read and its write. */
  beforeSendCommand?: () => void;
  private readonly instancesOfClients = new Map<string, unknown>();
  /** Every stub made, for the least-privilege test (commandsOf). */
  readonly stubs: Array<{ calls(): Array<{ args: any[] }> }> = [];
  private readonly access: AccountClients;

  constructor(homeAccountId: string, memberAccountIds: string[] = []) {
    const record = fakeReportedEvents(this.clock.now, (name) => this.call(name));
    this.stubs.push(record.stub);
    this.answered = record.answered;
    this.reportedIn = record.reportedIn;
    this.reported = record.reported;
    this.access = new AccountClients({ homeAccountId, memberAccountIds, memberRoleName: memberAccountIds.length > 0 ? "kamae-member" : undefined, sessionName: "test" });
    this.clients = {
      client: <C>(ctor: new (config: { region: string }) => C, target: ActionTarget): C => {
        this.access.check(target); // refuses accounts that are not enrolled, as the real AccountClients does
        const key = `${ctor.name}/${target.accountId}/${target.region}`;
        let client = this.instancesOfClients.get(key) as C | undefined;
        if (!client) {
          client = new ctor({ region: target.region });
          this.wire(client as unknown as SSMClient | EC2Client, target);
          this.instancesOfClients.set(key, client);
        }
        return client;
      },
    };
  }

  private call(name: string): void {
    this.calls.push(name);
    const injected = this.fault?.(name);
    if (injected) throw injected;
  }

  world(target: ActionTarget): World {
    const key = `${target.accountId}/${target.region}`;
    let w = this.worlds.get(key);
    if (!w) this.worlds.set(key, (w = { instances: new Map(), commands: [], sent: 0 }));
    return w;
  }

  addInstance(target: ActionTarget, instanceId: string, instance: Partial<FakeInstance> = {}): void {
    this.world(target).instances.set(instanceId, { managed: true, pingStatus: "Online", tags: {}, ...instance });
  }

  /** A command sent by someone else (or earlier), to set up running or recent patching. */
  addCommand(target: ActionTarget, command: { instanceId: string; status: string; comment?: string; document?: string; minutesAgo?: number }): string {
    const w = this.world(target);
    const id = `00000000-0000-4000-8000-${String(++w.sent).padStart(12, "0")}`;
    w.commands.push({
      CommandId: id,
      DocumentName: command.document ?? "AWS-RunPatchBaseline",
      InstanceIds: [command.instanceId],
      Comment: command.comment,
      Status: command.status,
      RequestedDateTime: new Date(this.clock.now() - (command.minutesAgo ?? 1) * 60_000),
    });
    return id;
  }

  commandsOf(target: ActionTarget) {
    return this.world(target).commands;
  }

  snsClient(): SNSClient {
    const client = new SNSClient({ region: "us-east-1" });
    const stub = mockClient(client);
    this.stubs.push(stub);
    stub
      .on(PublishCommand)
      .callsFake((input) => {
        this.call("sns:Publish");
        refusePublish(input, (arn) => this.topics.has(arn));
        this.writes.push("sns:Publish");
        this.published.push({ TopicArn: input.TopicArn!, Subject: input.Subject, Message: input.Message! });
        return { MessageId: `msg-${this.published.length}` };
      });
    return client;
  }

  private wire(client: SSMClient | EC2Client, target: ActionTarget): void {
    const w = this.world(target);
    if (client instanceof SSMClient) {
      const mock = mockClient(client as SSMClient);
      this.stubs.push(mock);
      mock.on(DescribeInstanceInformationCommand).callsFake((input: DescribeInstanceInformationCommandInput) => {
        this.call("ssm:DescribeInstanceInformation");
        const filter = input.Filters?.find((f) => f.Key === "InstanceIds");
        if (input.InstanceInformationFilterList && input.Filters) throw awsError("InvalidFilterKey", "Filters and InstanceInformationFilterList cannot be used together");
        const ids = filter?.Values ?? [...w.instances.keys()];
        if (ids.some((id) => !/^(i|mi)-[0-9a-f]{8,17}$/.test(id))) throw awsError("InvalidInstanceId", "Instance id is not valid");
        return {
          InstanceInformationList: ids
            .filter((id) => w.instances.get(id)?.managed)
            .map((id) => ({ InstanceId: id, PingStatus: w.instances.get(id)!.pingStatus, PlatformType: "Linux" })),
        };
      });
      mock.on(ListCommandsCommand).callsFake((input) => {
        this.call("ssm:ListCommands");
        const max = input.MaxResults ?? 50;
        if (max < 1 || max > 50) throw awsError("ValidationException", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint");
        let rows = [...w.commands];
        if (input.InstanceId) rows = rows.filter((c) => c.InstanceIds.includes(input.InstanceId!));
        if (input.CommandId) rows = rows.filter((c) => c.CommandId === input.CommandId);
        for (const f of input.Filters ?? []) {
          if (!f.key || !FILTER_KEYS.has(f.key)) throw awsError("InvalidFilterKey", `The specified key is not valid: ${f.key}`);
          const value = f.value ?? "";
          switch (f.key) {
            case "Status":
              if (!STATUSES.has(value)) throw awsError("InvalidFilterValue", `The filter value ${value} is not valid`);
              rows = rows.filter((c) => c.Status === value);
              break;
            case "DocumentName":
              rows = rows.filter((c) => c.DocumentName === value);
              break;
            case "InvokedAfter":
            case "InvokedBefore": {
              const t = Date.parse(value);
              if (!Number.isFinite(t) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) throw awsError("InvalidFilterValue", `The filter value ${value} is not a valid timestamp`);
              rows = rows.filter((c) => (f.key === "InvokedAfter" ? c.RequestedDateTime.getTime() >= t : c.RequestedDateTime.getTime() <= t));
              break;
            }
            default:
              break;
          }
        }
        rows.sort((a, b) => b.RequestedDateTime.getTime() - a.RequestedDateTime.getTime());
        let start = 0;
        if (input.NextToken) {
          const m = /^page-(\d+)$/.exec(input.NextToken);
          if (!m) throw awsError("InvalidNextToken", "The specified token is not valid");
          start = Number(m[1]);
        }
        const page = rows.slice(start, start + max);
        return { Commands: page.map((c) => ({ ...c }) as Command), NextToken: start + max < rows.length ? `page-${start + max}` : undefined };
      });
      mock.on(SendCommandCommand).callsFake((input) => {
        this.call("ssm:SendCommand");
        this.beforeSendCommand?.();
        if (!input.DocumentName || !DOCUMENTS.has(input.DocumentName)) throw awsError("InvalidDocument", `Document ${input.DocumentName} does not exist`);
        if ((input.Comment ?? "").length > 100) throw awsError("ValidationException", "Value at 'comment' failed to satisfy constraint: Member must have length less than or equal to 100");
        const op = input.Parameters?.Operation;
        if (input.DocumentName === "AWS-RunPatchBaseline" && (!op || op.length !== 1 || !["Scan", "Install"].includes(op[0]))) throw awsError("InvalidParameters", "Operation must be Scan or Install");
        const reboot = input.Parameters?.RebootOption;
        if (reboot && !["RebootIfNeeded", "NoReboot"].includes(reboot[0])) throw awsError("InvalidParameters", "RebootOption is not valid");
        const ids = input.InstanceIds ?? [];
        if (ids.length === 0 && !input.Targets) throw awsError("ValidationException", "InstanceIds or Targets is required");
        for (const id of ids) {
          const instance = w.instances.get(id);
          if (!instance?.managed || instance.pingStatus !== "Online") throw awsError("InvalidInstanceId", `Instances [[${id}]] not in a valid state for account ${target.accountId}`);
        }
        this.writes.push("ssm:SendCommand");
        const id = `11111111-0000-4000-8000-${String(++w.sent).padStart(12, "0")}`;
        const command = { CommandId: id, DocumentName: input.DocumentName, InstanceIds: ids, Comment: input.Comment, Parameters: input.Parameters, Status: "Pending", RequestedDateTime: new Date(this.clock.now()) };
        w.commands.push(command);
        return { Command: { ...command } as Command };
      });
    } else {
      const mock = mockClient(client as EC2Client);
      this.stubs.push(mock);
      mock.on(DescribeTagsCommand).callsFake((input: DescribeTagsCommandInput) => {
        this.call("ec2:DescribeTags");
        const ids = input.Filters?.find((f) => f.Name === "resource-id")?.Values ?? [...w.instances.keys()];
        const keys = input.Filters?.find((f) => f.Name === "key")?.Values;
        const values = input.Filters?.find((f) => f.Name === "value")?.Values;
        const tags = ids.flatMap((id) =>
          Object.entries(w.instances.get(id)?.tags ?? {})
            .filter(([k, v]) => (!keys || keys.includes(k)) && (!values || values.includes(v)))
            .map(([Key, Value]) => ({ ResourceId: id, ResourceType: "instance" as const, Key, Value })),
        );
        return { Tags: tags };
      });
      mock.on(CreateTagsCommand).callsFake((input) => {
        this.call("ec2:CreateTags");
        for (const id of input.Resources ?? []) if (!w.instances.has(id)) throw awsError("InvalidInstanceID.NotFound", `The instance ID '${id}' does not exist`);
        for (const tag of input.Tags ?? []) {
          if (!tag.Key || tag.Key.length > 128 || tag.Key.toLowerCase().startsWith("aws:")) throw awsError("InvalidParameterValue", `Tag key ${tag.Key} is not valid`);
          if ((tag.Value ?? "").length > 256) throw awsError("InvalidParameterValue", "Tag value is too long");
        }
        this.writes.push("ec2:CreateTags");
        for (const id of input.Resources ?? []) for (const tag of input.Tags ?? []) w.instances.get(id)!.tags[tag.Key!] = tag.Value ?? "";
        return {};
      });
    }
  }
}
