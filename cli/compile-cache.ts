/**
 * Node.js's on-disk compile cache for the processes of `kamae check` (the CLI, the program's, the pack's): each loads
 * much of the Pulumi SDK, and compiling it again on every check was about a tenth of the check's CPU time. The cache
 * is a directory of the user's own under the temp directory: one someone else could write to (and so plant compiled
 * code in) is not used, and a cache that cannot be created or written leaves the check as it was, only slower.
 * `NODE_COMPILE_CACHE` and `NODE_DISABLE_COMPILE_CACHE` keep their meaning (Node.js applies them before this runs).
 */
import { lstatSync, mkdirSync } from "node:fs";
import * as nodeModule from "node:module";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

type CacheApi = { enableCompileCache?: (dir?: string) => unknown; flushCompileCache?: () => void };

/**
 * The user's cache directory under `parent` (created if missing), or undefined when it is missing and cannot be made,
 * or is not theirs alone.
 */
export function compileCacheDir(parent = tmpdir()): string | undefined {
  try {
    const uid = process.getuid?.();
    const dir = join(parent, `kamae-compile-cache-${uid ?? userInfo().username}`);
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
    }
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return undefined;
    // Where users have ids (not Windows, whose temp directory is the user's own): owned by this user, closed to others.
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** Turns the compile cache on for this process (Node.js ≥ 22.1); modules loaded from now on are read from it or added. */
export function enableCompileCache(): void {
  const api = nodeModule as CacheApi;
  if (typeof api.enableCompileCache !== "function") return;
  const dir = compileCacheDir();
  if (dir === undefined) return;
  try {
    api.enableCompileCache(dir);
  } catch {
    // No cache: the process compiles as it would without one.
  }
}

/** Writes what was compiled so far: a process that is stopped by a signal (the pack) never reaches the exit-time write. */
export function flushCompileCache(): void {
  try {
    (nodeModule as CacheApi).flushCompileCache?.();
  } catch {
    // Not written: the next start compiles again.
  }
}
