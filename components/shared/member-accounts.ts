import * as pulumi from "@pulumi/pulumi";
import { checkedValue, isPlain, Validator } from "./validation";

/** The member accounts a central responder acts in (each deploys MemberAccountAccess). */
export interface MemberAccountsArgs {
  /**
   * The enrolled member accounts; events from any other account are refused. Plain: components name a child after
   * each account (MalwareQuarantine's key grants), so the ids must be known when the program runs.
   */
  readonly accountIds: string[];
  /** The role MemberAccountAccess created in each of them (may be an output: its `roleName` through a stack reference). */
  readonly roleName: pulumi.Input<string>;
  /** The external id that role requires. */
  readonly externalId: pulumi.Input<string>;
  /**
   * Regions the responders act in besides the deployment's own (a central deployment that receives other Regions'
   * events). Events naming any other Region are refused.
   */
  readonly regions?: string[];
}

/** Throws (at construction time, so `pulumi preview` fails) when the member accounts are malformed. */
export function validateMemberAccounts(component: string, members: MemberAccountsArgs | undefined): void {
  if (members === undefined) return;
  const check: Validator = new Validator(component);
  for (const id of members.accountIds) {
    if (!/^\d{12}$/.test(id)) check.fail(`memberAccounts.accountIds: "${id}" is not a 12-digit account id`);
  }
  for (const r of members.regions ?? []) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(r)) check.fail(`memberAccounts.regions: "${r}" is not an AWS Region`);
  }
  if (isPlain(members.roleName)) checkRoleName(check, members.roleName);
}

function checkRoleName(check: Validator, roleName: string): void {
  if (!/^[\w+=,.@-]{1,64}$/.test(roleName)) check.fail(`memberAccounts.roleName "${roleName}" is not a role name`);
}

/**
 * The member accounts as the component's resources use them: the role name checked as `validateMemberAccounts` checks
 * a plain one, once known (a bad output fails the deployment with the same message).
 */
export function checkedMemberAccounts(component: string, members: MemberAccountsArgs | undefined): MemberAccountsArgs | undefined {
  if (members === undefined) return undefined;
  const check: Validator = new Validator(component);
  return { ...members, roleName: checkedValue(members.roleName, (roleName) => checkRoleName(check, roleName)) };
}
