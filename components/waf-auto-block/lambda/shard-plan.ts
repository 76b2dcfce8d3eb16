import { compareByPriority, type BlockEntry } from "./block-store";

/** The intended contents of each IP set of one address family, and what changes. */
export interface ShardPlan {
  readonly targets: string[][];
  /** Per shard: whether its contents differ from what it holds now (only those are written). */
  readonly changed: boolean[];
  readonly adds: number[];
  readonly removes: number[];
  /** Entries that should be blocked but do not fit: reported, kept in the table, placed when room frees up. */
  readonly overflow: BlockEntry[];
}

/**
 * Places the wanted entries into the shards of one family. Addresses stay in the shard that holds them (so adding
 * one address rewrites one IP set, not all of them); new ones go first into shards that change anyway, then into the
 * first with room. When everything does not fit, the highest-priority entries win (compareByPriority).
 */
export function planShards(wanted: readonly BlockEntry[], current: readonly (readonly string[])[], capacity: number): ShardPlan {
  if (capacity < 1) throw new Error("shard capacity must be at least 1");
  const ordered = [...new Map(wanted.map((e) => [e.cidr, e])).values()].sort(compareByPriority);
  const room = capacity * current.length;
  const kept = ordered.slice(0, room);
  const overflow = ordered.slice(room);
  const keep = new Set(kept.map((e) => e.cidr));

  const placed = new Set<string>();
  const targets = current.map((shard) => {
    const next: string[] = [];
    for (const cidr of shard) {
      if (keep.has(cidr) && !placed.has(cidr)) {
        next.push(cidr);
        placed.add(cidr);
      }
    }
    return next;
  });
  const dirty = targets.map((t, i) => t.length !== current[i].length);
  for (const entry of kept) {
    if (placed.has(entry.cidr)) continue;
    let shard = targets.findIndex((t, i) => dirty[i] && t.length < capacity);
    if (shard < 0) shard = targets.findIndex((t) => t.length < capacity);
    targets[shard].push(entry.cidr);
    placed.add(entry.cidr);
    dirty[shard] = true;
  }
  const adds = targets.map((t, i) => {
    const before = new Set(current[i]);
    return t.filter((c) => !before.has(c)).length;
  });
  const removes = targets.map((t, i) => current[i].length - (t.length - adds[i]));
  const changed = targets.map((_, i) => adds[i] > 0 || removes[i] > 0);
  return { targets, changed, adds, removes, overflow };
}
