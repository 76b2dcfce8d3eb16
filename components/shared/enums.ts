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

/**
 * Throws at construction time (so `pulumi preview` fails) when a value is not one of an enum's: TypeScript checks the
 * type, but JavaScript and the multi-language SDKs (YAML especially) can pass any string.
 */
export function checkEnumValue(component: string, what: string, value: unknown, values: Record<string, string>): void {
  if (value === undefined) return;
  const allowed = Object.values(values);
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw new Error(`kamae:${component}: ${what} must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(value)}`);
  }
}
