// Kamae's components, one capability folder each. This is the package entry (`import * as kamae from "kamae"`) and the
// module Pulumi reads to infer the multi-language schema: export components, their args and plain helpers only.
export * from "./quarantine-bucket";
export * from "./malware-quarantine";
export * from "./security-baseline";
export * from "./instance-isolation";
export * from "./auto-healing-group";
export * from "./managed-instance-role";
export * from "./traffic-mirror-feed";
export * from "./waf-auto-block";
export * from "./api-activity-alerts";
export * from "./guardduty-responder";
export * from "./agent-rollout";
export * from "./patch-on-finding";
export * from "./egress-allowlist";
export * from "./application-protection";
export * from "./member-account-access";
export type { MemberAccountsArgs } from "./shared/member-accounts";
export type { NotificationArgs } from "./shared/notifications";
export { EnforcementMode } from "./shared/runtime/mode";
