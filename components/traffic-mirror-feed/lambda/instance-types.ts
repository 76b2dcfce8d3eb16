/**
 * Which instance types can be a Traffic Mirroring source, from the AWS documentation (VPC Traffic Mirroring,
 * "Traffic Mirroring limitations"): not bare metal; among non-Nitro (Xen) types only C4, D2, G3, G3s, H1, I3, M4, P2,
 * P3, R4, X1 and X1e (so never T2); and not a list of virtualized Nitro families. Families AWS adds later are assumed
 * supported; if AWS refuses one, the refusal is reported and the instance marked like any unsupported type.
 */

const NITRO_UNSUPPORTED = new Set([
  // General purpose
  "m8g", "m6a", "m6i", "m6id", "m6idn", "m6in", "m7a", "m7g", "m7gd", "m7i", "m7i-flex",
  // Compute optimized
  "c8g", "c6a", "c6gd", "c6gn", "c6i", "c6id", "c6in", "c7a", "c7g", "c7gd", "c7gn", "c7i",
  // Memory optimized
  "r8g", "r6a", "r6i", "r6id", "r6idn", "r6in", "r7a", "r7g", "r7gd", "r7i", "r7iz", "x8g", "x2idn", "x2iedn", "x2iezn",
  // Storage optimized
  "i4g", "i4i", "im4gn", "is4gen",
  // Accelerated computing
  "inf2", "p5", "trn1", "trn1n",
  // High-performance computing
  "hpc6a", "hpc6id", "hpc7a", "hpc7g",
]);

/** The only Xen (non-Nitro) families Traffic Mirroring supports. */
const XEN_SUPPORTED = new Set(["c4", "d2", "g3", "g3s", "h1", "i3", "m4", "p2", "p3", "r4", "x1", "x1e"]);

/** Previous-generation Xen families, none of which is in the supported list. */
const XEN_OTHER = new Set(["t1", "t2", "m1", "m2", "m3", "c1", "c3", "cc1", "cc2", "cg1", "cr1", "g2", "hi1", "hs1", "i2", "r3", "f1"]);

export type MirrorSupport = { supported: true } | { supported: false; reason: string };

export function mirrorSupport(instanceType: string): MirrorSupport {
  const m = /^([a-z0-9-]+)\.([a-z0-9-]+)$/.exec(instanceType.trim().toLowerCase());
  if (!m) return { supported: false, reason: `"${instanceType}" is not an instance type` };
  const [, family, size] = m;
  if (size === "metal" || size.startsWith("metal-")) return { supported: false, reason: `${instanceType} is a bare metal type, which Traffic Mirroring does not support` };
  if (NITRO_UNSUPPORTED.has(family)) return { supported: false, reason: `${instanceType}: Traffic Mirroring is not available on ${family} (virtualized Nitro type on AWS's exclusion list)` };
  if (XEN_SUPPORTED.has(family)) return { supported: true };
  if (XEN_OTHER.has(family)) return { supported: false, reason: `${instanceType} is a non-Nitro (Xen) type outside the few that Traffic Mirroring supports` };
  return { supported: true };
}
