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

/** Throws (at construction time, so `pulumi preview` fails) when the member accounts are malformed. */
export function validateMemberAccounts(component: string, members: MemberAccountsArgs | undefined): void {
  if (members === undefined) return;
  for (const id of members.accountIds) {
    if (!/^\d{12}$/.test(id)) throw new Error(`kamae:${component}: memberAccounts.accountIds: "${id}" is not a 12-digit account id`);
  }
  if (!/^[\w+=,.@-]{1,64}$/.test(members.roleName)) throw new Error(`kamae:${component}: memberAccounts.roleName "${members.roleName}" is not a role name`);
}
