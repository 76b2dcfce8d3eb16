/** The outcome of parsing untrusted input: the typed value, or the reason it was refused. Parsers never throw. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(reason: string): ParseResult<T> {
  return { ok: false, reason };
}

/** Runs a parser body so that nothing escapes as an exception (hostile getters, stack overflow on deep nesting, …). */
export function guarded<T>(what: string, body: () => ParseResult<T>): ParseResult<T> {
  try {
    return body();
  } catch (err) {
    return fail(`${what}: unreadable input (${err instanceof Error ? err.name : "error"})`);
  }
}
