import * as kamae from "kamae";

// The instance role every managed instance needs (SSM Agent, inventory, patching, Distributor) and nothing more.
const role = new kamae.ManagedInstanceRole("app", { cloudWatchAgent: true, tags: { team: "platform" } });

export const instanceProfileName = role.instanceProfileName;
export const roleArn = role.roleArn;
