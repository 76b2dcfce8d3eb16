/**
 * The names that count as the protection layer when no ARNs are given. Apart from policy.ts, whose imports reach the
 * Pulumi SDK: the policy catalog reads it (`kamae check` loads the catalog), and has no other use for the SDK.
 */
export const DEFAULT_LAYER_NAME_PATTERN = "ApplicationSecurity|app-protect";
