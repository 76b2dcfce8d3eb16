import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkedList, plainItems, Validator } from "../shared/validation";

const check: Validator = new Validator("CentralEventBusAccess");
const NO_MEMBERS = "give memberAccountIds or organizationId";
const checkAccountId = (id: string) => {
  if (!/^\d{12}$/.test(id)) check.fail(`"${id}" is not a 12-digit account id`);
};

export interface CentralEventBusAccessArgs {
  /**
   * Member accounts whose MemberAccountAccess forwards events here: their `root` principals may `events:PutEvents`
   * (the ids and the list may be outputs, e.g. of an organization's accounts).
   */
  readonly memberAccountIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Or every account of this AWS Organization (o-…): `Principal: "*"` bounded by `aws:PrincipalOrgID`. */
  readonly organizationId?: pulumi.Input<string>;
  /** The bus that receives them (default: the default bus, where the central responders' rules listen). */
  readonly eventBusName?: pulumi.Input<string>;
}

/**
 * Deployed once in the central account: lets the enrolled member accounts (or the organization) put their security
 * events on the central event bus, where the responders' rules match them; the events keep their `account` field, so
 * the responders act in the account they came from. Note: a bus has one resource policy, which this replaces.
 */
export class CentralEventBusAccess extends pulumi.ComponentResource {
  /** Name of the bus the members forward to. */
  public readonly eventBusName: pulumi.Output<string>;

  constructor(name: string, args: CentralEventBusAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:CentralEventBusAccess", name, args, opts);
    const given = args.memberAccountIds;
    if ((given === undefined || (Array.isArray(given) && given.length === 0)) && args.organizationId === undefined) check.fail(NO_MEMBERS);
    for (const id of plainItems(given)) checkAccountId(id);
    const members = checkedList(given ?? [], checkAccountId);

    const parent = { parent: this };
    const region = aws.getRegionOutput({}, parent);
    const identity = aws.getCallerIdentityOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent).partition;
    const busName = pulumi.output(args.eventBusName ?? "default");
    const policy = pulumi
      .all([busName, region.region, identity.accountId, partition, pulumi.output(args.organizationId), members])
      .apply(([bus, regionName, account, part, org, accounts]) => {
        // As at construction, for a list known only now.
        if (accounts.length === 0 && !org) check.fail(NO_MEMBERS);
        const resource = `arn:${part}:events:${regionName}:${account}:event-bus/${bus}`;
        const statements: Record<string, unknown>[] = [];
        if (accounts.length > 0) {
          statements.push({
            Sid: "EnrolledMembersForward",
            Effect: "Allow",
            Principal: { AWS: [...accounts].sort().map((id) => `arn:${part}:iam::${id}:root`) },
            Action: "events:PutEvents",
            Resource: resource,
          });
        }
        if (org) {
          statements.push({
            Sid: "OrganizationForwards",
            Effect: "Allow",
            Principal: "*",
            Action: "events:PutEvents",
            Resource: resource,
            Condition: { StringEquals: { "aws:PrincipalOrgID": org } },
          });
        }
        return JSON.stringify({ Version: "2012-10-17", Statement: statements });
      });
    new aws.cloudwatch.EventBusPolicy(`${name}-policy`, { eventBusName: busName, policy }, parent);
    this.eventBusName = busName;
    this.registerOutputs({ eventBusName: this.eventBusName });
  }
}
