/**
 * Oracles for the parsers' property tests, written from AWS's documented rules and from Node's own URL parser, never
 * from the production validators: a bug in a validator must be able to fail a property.
 */

/**
 * S3 general purpose bucket naming rules (S3 user guide, "General purpose bucket naming rules"): 3 to 63 characters;
 * only lower-case letters, digits, dots and hyphens; a letter or digit first and last; no two adjacent dots; not
 * formatted as an IP address; not starting with xn--, sthree- or amzn-s3-demo-; not ending with -s3alias, --ol-s3,
 * .mrap, --x-s3 or --table-s3.
 */
export function bucketNameOracle(name: unknown): boolean {
  if (typeof name !== "string") return false;
  const chars = [...name];
  if (chars.length < 3 || chars.length > 63) return false;
  const alnum = (c: string) => (c >= "a" && c <= "z") || (c >= "0" && c <= "9");
  if (!chars.every((c) => alnum(c) || c === "." || c === "-")) return false;
  if (!alnum(chars[0]) || !alnum(chars[chars.length - 1])) return false;
  for (let i = 1; i < chars.length; i++) if (chars[i] === "." && chars[i - 1] === ".") return false;
  const parts = name.split(".");
  if (parts.length === 4 && parts.every((p) => p.length > 0 && [...p].every((c) => c >= "0" && c <= "9"))) return false;
  if (["xn--", "sthree-", "amzn-s3-demo-"].some((p) => name.startsWith(p))) return false;
  return !["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].some((s) => name.endsWith(s));
}

/** An IPv4 address in canonical dotted-quad form: four decimal octets 0-255 without leading zeros. */
function canonicalV4(ip: string): boolean {
  const parts = ip.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/**
 * An address in the form the responders compare: IPv4 dotted quad, or IPv6 as RFC 5952 writes it (Node's WHATWG URL
 * host serialiser is the reference), never an IPv4-mapped IPv6 address (those are compared as the IPv4 one).
 */
export function canonicalIpOracle(ip: string): boolean {
  if (canonicalV4(ip)) return true;
  if (!ip.includes(":") || ip.includes(".") || ip.includes("%")) return false;
  let host: string;
  try {
    host = new URL(`http://[${ip}]/`).hostname;
  } catch {
    return false;
  }
  if (host !== `[${ip}]`) return false;
  return !/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(ip);
}

/** The network an address/prefix denotes, from bit arithmetic alone: [version, address bits as a bigint, prefix]. */
export function networkOracle(version: 4 | 6, value: bigint, prefix: number): { version: 4 | 6; value: bigint; prefix: number } {
  const bits = version === 4 ? 32 : 128;
  // An IPv4-mapped IPv6 network (::ffff:0:0/96) of prefix 96 or more is the IPv4 network it carries (RFC 4291 2.5.5.2).
  if (version === 6 && prefix >= 96 && value >> 32n === 0xffffn) return networkOracle(4, value & 0xffffffffn, prefix - 96);
  const host = (1n << BigInt(bits - prefix)) - 1n;
  return { version, value: value & ~host, prefix };
}

/** Text of an oracle network: IPv4 dotted quad, IPv6 through Node's URL serialiser. */
export function networkText(n: { version: 4 | 6; value: bigint; prefix: number }): string {
  if (n.version === 4) return `${[24n, 16n, 8n, 0n].map((s) => (n.value >> s) & 255n).join(".")}/${n.prefix}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((n.value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return `${new URL(`http://[${groups.join(":")}]/`).hostname.slice(1, -1)}/${n.prefix}`;
}

/** An S3 object key: 1 to 1,024 bytes of UTF-8 (S3 user guide, "Naming objects"), so well-formed UTF-16 here. */
export function objectKeyOracle(key: unknown): boolean {
  return typeof key === "string" && key.length > 0 && (key as string & { isWellFormed(): boolean }).isWellFormed() && Buffer.byteLength(key, "utf8") <= 1024;
}
