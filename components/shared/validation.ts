// One place for what components check at construction: what TypeScript cannot check for JavaScript and the
// multi-language SDKs, and what AWS would only reject at deploy.

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
