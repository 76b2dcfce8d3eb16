import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A generated input cached in the temp dir under a key made of the generator's source text (and the lib it seeds
 * from), so a changed generator never silently reuses an old file. `make` writes the file at the path it is given.
 */
export async function cachedInput(generatorFile: string, name: string, make: (path: string) => Promise<void>): Promise<string> {
  const hash = createHash("sha256");
  for (const file of [generatorFile, join(__dirname, "..", "lib.ts")]) hash.update(readFileSync(file));
  const dir = join(tmpdir(), "kamae-bench-inputs", hash.digest("hex").slice(0, 16));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (!existsSync(path)) await make(path);
  return path;
}
