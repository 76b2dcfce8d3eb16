/**
 * fast-check run counts. `KAMAE_PROPERTY_RUNS_SCALE` scales them (mutation testing runs each property once per
 * mutant, at 0.1); the boundary-seeking generators keep the edges frequent at any scale.
 */
export function runs(numRuns: number): { numRuns: number } {
  const scale = Number(process.env.KAMAE_PROPERTY_RUNS_SCALE ?? 1);
  return { numRuns: Math.max(50, Math.round(numRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1))) };
}
