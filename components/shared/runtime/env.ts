/**
 * Settings of a Lambda function, read only from environment variables (each listed in the component's README).
 * A missing or malformed setting fails at cold start with a message naming the variable, never mid-response.
 */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

type Env = Record<string, string | undefined>;

export function requiredString(name: string, env: Env = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === "") throw new ConfigurationError(`environment variable ${name} is required`);
  return value.trim();
}

export function optionalString(name: string, env: Env = process.env): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

export function integer(name: string, fallback: number, range: { min?: number; max?: number } = {}, env: Env = process.env): number {
  const raw = optionalString(name, env);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigurationError(`environment variable ${name} must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (range.min !== undefined && value < range.min) throw new ConfigurationError(`environment variable ${name} must be >= ${range.min}, got ${value}`);
  if (range.max !== undefined && value > range.max) throw new ConfigurationError(`environment variable ${name} must be <= ${range.max}, got ${value}`);
  return value;
}

export function number(name: string, fallback: number, env: Env = process.env): number {
  const raw = optionalString(name, env);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigurationError(`environment variable ${name} must be a number, got "${raw}"`);
  return value;
}

export function boolean(name: string, fallback: boolean, env: Env = process.env): boolean {
  const raw = optionalString(name, env)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new ConfigurationError(`environment variable ${name} must be true or false, got "${raw}"`);
}

/** A comma-separated list; empty entries dropped. */
export function list(name: string, env: Env = process.env): string[] {
  return (optionalString(name, env) ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

export function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T, env: Env = process.env): T {
  const raw = optionalString(name, env);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigurationError(`environment variable ${name} must be one of ${allowed.join(", ")}, got "${raw}"`);
  return raw as T;
}

/** A JSON setting, checked by `validate` (which throws or returns the typed value). */
export function json<T>(name: string, validate: (value: unknown) => T, fallback: T, env: Env = process.env): T {
  const raw = optionalString(name, env);
  if (raw === undefined) return fallback;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigurationError(`environment variable ${name} must be JSON`);
  }
  try {
    return validate(parsed);
  } catch (err) {
    throw new ConfigurationError(`environment variable ${name}: ${(err as Error).message}`);
  }
}
