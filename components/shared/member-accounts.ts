import * as pulumi from "@pulumi/pulumi";

/** The member accounts a central responder acts in (each deploys MemberAccountAccess). */
export interface MemberAccountsArgs {
  /** The enrolled member accounts; events from any other account are refused. */
  readonly accountIds: string[];
  /** The role MemberAccountAccess created in each of them. */
  readonly roleName: string;
  /** The external id that role requires. */
  readonly externalId: pulumi.Input<string>;
}
