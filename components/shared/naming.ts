import { createHash } from "node:crypto";

/** A short stable suffix for children made from list items, so reordering a list never replaces resources. */
export function stableSuffix(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 8);
}
