// Named `as const` objects with a same-named union type: TypeScript callers still pass the plain strings, and Pulumi's
// schema inference (which rejects inline string unions and plain type aliases) turns each into a named enum.

/** Whether a responder acts on what it finds or only reports the plan it would carry out. */
export const EnforcementMode = {
  /** Carry out the planned actions. */
  Enforce: "enforce",
  /** Report the planned actions without changing anything. */
  Detect: "detect",
} as const;
export type EnforcementMode = (typeof EnforcementMode)[keyof typeof EnforcementMode];
