import * as ipaddr from "ipaddr.js";
import { fail, guarded, ok, type ParseResult } from "../events/result";

/** A network in canonical form: host bits zero, IPv6 compressed lower-case, IPv4-mapped IPv6 shown as IPv4. */
export interface Cidr {
  version: 4 | 6;
  /** The network address (host bits zero). */
  address: string;
  prefix: number;
  /** Canonical "address/prefix". */
  text: string;
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

// Longer inputs are never addresses; refusing them early keeps hostile strings cheap.
const MAX_TEXT = 100;

function parseAddress(text: string): Address | undefined {
  if (typeof text !== "string" || text.length === 0 || text.length > MAX_TEXT) return undefined;
  const t = text.trim();
  // Only dotted-quad IPv4: ipaddr.parse would also accept "0x7f.1" or "017.0.0.1", which nothing legitimate sends.
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) return ipaddr.IPv4.parse(t);
  // Zone ids ("fe80::1%eth0") name an interface of one host, meaningless in a rule.
  if (t.includes("%") || !t.includes(":")) return undefined;
  if (!ipaddr.IPv6.isValid(t)) return undefined;
  const v6 = ipaddr.IPv6.parse(t);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

function bitsOf(version: 4 | 6): number {
  return version === 4 ? 32 : 128;
}

function toBigInt(addr: Address): bigint {
  let n = 0n;
  for (const byte of addr.toByteArray()) n = (n << 8n) | BigInt(byte);
  return n;
}

function fromBigInt(n: bigint, version: 4 | 6): Address {
  const bytes: number[] = [];
  for (let i = bitsOf(version) / 8 - 1; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 0xffn));
  return version === 4 ? new ipaddr.IPv4(bytes) : new ipaddr.IPv6(bytes);
}

function hostMask(version: 4 | 6, prefix: number): bigint {
  return (1n << BigInt(bitsOf(version) - prefix)) - 1n;
}

function versionOf(addr: Address): 4 | 6 {
  return addr.kind() === "ipv4" ? 4 : 6;
}

/** Parses an IPv4 (dotted quad) or IPv6 address; IPv4-mapped IPv6 becomes IPv4; IPv6 is compressed lower-case. */
export function parseIp(text: string): ParseResult<{ version: 4 | 6; text: string }> {
  if (typeof text === "string" && text.length <= MAX_TEXT) {
    const t = text.trim();
    if (ipv4Number(t) !== undefined) return ok({ version: 4, text: t });
    const plain = plainIpv6(t);
    if (plain) return ok(plain);
  }
  return guarded("IP address", () => {
    const addr = parseAddress(text);
    if (!addr) return fail(`not an IP address: ${preview(text)}`);
    return ok({ version: versionOf(addr), text: addr.toString() });
  });
}

/**
 * The 32-bit value of an IPv4 address in canonical dotted-quad form (decimal octets 0–255 without leading zeros,
 * which is its own canonical text), without ipaddr.js: CloudTrail and access logs hold tens of thousands of addresses
 * and ipaddr.js takes microseconds each. Anything else is undefined, left to ipaddr.js; a test holds both to the same
 * answers.
 */
export function ipv4Number(t: string): number | undefined {
  const n = t.length;
  if (n < 7 || n > 15) return undefined;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + (c - 48);
      if (octet > 255) return undefined;
      digits++;
    } else {
      return undefined;
    }
  }
  return digits === 0 || dots !== 3 ? undefined : value * 256 + octet;
}

/**
 * An IPv6 address written as hex groups with at most one "::" (what logs write), canonicalised without ipaddr.js: a
 * log holds thousands of distinct IPv6 clients and ipaddr.js takes ~10 µs each. Anything else (an embedded IPv4 part,
 * a zone, a malformed text) is undefined, left to ipaddr.js; a test holds both to the same answers.
 */
export function plainIpv6(t: string): { version: 4 | 6; text: string } | undefined {
  const n = t.length;
  if (n < 2 || n > 39) return undefined;
  const groups: number[] = [];
  let gap = -1;
  let i = 0;
  if (t.charCodeAt(0) === 58) {
    if (t.charCodeAt(1) !== 58) return undefined;
    gap = 0;
    i = 2;
  }
  while (i < n) {
    let value = 0;
    let digits = 0;
    for (; i < n && digits <= 4; i++, digits++) {
      const c = t.charCodeAt(i);
      const h = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (h < 0) break;
      value = value * 16 + h;
    }
    if (digits === 0 || digits > 4) return undefined;
    groups.push(value);
    if (i === n) break;
    if (t.charCodeAt(i) !== 58 || ++i === n) return undefined;
    if (t.charCodeAt(i) === 58) {
      if (gap >= 0) return undefined;
      gap = groups.length;
      i++;
    }
  }
  if (gap < 0 ? groups.length !== 8 : groups.length > 7) return undefined;
  if (gap >= 0) groups.splice(gap, 0, ...new Array<number>(8 - groups.length).fill(0));
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    return { version: 4, text: `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}` };
  }
  // RFC 5952: the first longest run of two or more zero groups becomes "::".
  let best = -1;
  let bestLength = 1;
  for (let k = 0; k < 8; ) {
    let end = k;
    while (end < 8 && groups[end] === 0) end++;
    if (end - k > bestLength) {
      best = k;
      bestLength = end - k;
    }
    k = end === k ? k + 1 : end;
  }
  const hex = (from: number, to: number) => groups.slice(from, to).map((g) => g.toString(16)).join(":");
  return { version: 6, text: best < 0 ? hex(0, 8) : `${hex(0, best)}::${hex(best + bestLength, 8)}` };
}

/** The /32 or /128 network of one address. */
export function hostCidr(ip: string): ParseResult<Cidr> {
  return guarded("IP address", () => {
    const addr = parseAddress(ip);
    if (!addr) return fail(`not an IP address: ${preview(ip)}`);
    const version = versionOf(addr);
    return ok(makeCidr(version, toBigInt(addr), bitsOf(version)));
  });
}

/**
 * Parses "address/prefix" (a bare address is its host network). Host bits set are masked away, or refused with
 * `strict`. An IPv4-mapped IPv6 network of prefix ≥ 96 becomes the IPv4 network.
 */
export function parseCidr(text: string, options: { strict?: boolean } = {}): ParseResult<Cidr> {
  return guarded("CIDR", () => {
    if (typeof text !== "string" || text.length > MAX_TEXT + 4) return fail(`not a CIDR: ${preview(text)}`);
    const slash = text.indexOf("/");
    if (slash < 0) return hostCidr(text);
    const prefixText = text.slice(slash + 1).trim();
    if (!/^\d{1,3}$/.test(prefixText)) return fail(`not a CIDR (prefix length): ${preview(text)}`);
    let prefix = Number(prefixText);
    const addrText = text.slice(0, slash).trim();
    let addr: Address | undefined;
    let version: 4 | 6;
    if (ipaddr.IPv4.isValidFourPartDecimal(addrText)) {
      addr = ipaddr.IPv4.parse(addrText);
      version = 4;
    } else {
      if (addrText.includes("%") || !addrText.includes(":") || !ipaddr.IPv6.isValid(addrText)) return fail(`not a CIDR (address): ${preview(text)}`);
      const v6 = ipaddr.IPv6.parse(addrText);
      if (prefix > 128) return fail(`not a CIDR (prefix length > 128): ${preview(text)}`);
      if (v6.isIPv4MappedAddress() && prefix >= 96) {
        addr = v6.toIPv4Address();
        prefix -= 96;
        version = 4;
      } else {
        addr = v6;
        version = 6;
      }
    }
    if (prefix > bitsOf(version)) return fail(`not a CIDR (prefix length > ${bitsOf(version)}): ${preview(text)}`);
    const value = toBigInt(addr);
    const host = value & hostMask(version, prefix);
    if (host !== 0n && options.strict) return fail(`CIDR has host bits set: ${preview(text)} (the network is ${makeCidr(version, value & ~hostMask(version, prefix), prefix).text})`);
    return ok(makeCidr(version, value & ~hostMask(version, prefix), prefix));
  });
}

function makeCidr(version: 4 | 6, network: bigint, prefix: number): Cidr {
  const address = fromBigInt(network, version).toString();
  return { version, address, prefix, text: `${address}/${prefix}` };
}

function preview(value: unknown): string {
  if (typeof value !== "string") return `(${value === null ? "null" : typeof value})`;
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

interface Interval {
  version: 4 | 6;
  first: bigint;
  last: bigint;
}

function intervalOf(c: Cidr): Interval {
  const first = toBigInt(ipaddr.parse(c.address));
  return { version: c.version, first, last: first | hostMask(c.version, c.prefix) };
}

/**
 * IANA special-purpose address registries (IPv4 and IPv6), plus multicast and the deprecated IPv6 site-local range:
 * none of these is a public internet host that a rule should block or trust. The IPv4-mapped range ::ffff:0:0/96 is
 * absent on purpose: mapped addresses are judged as the IPv4 address they carry.
 */
export const SPECIAL_PURPOSE_RANGES: readonly string[] = [
  "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
  "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24",
  "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
  "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64", "2001::/23",
  "2001:db8::/32", "2002::/16", "2620:4f:8000::/48", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10",
  "ff00::/8",
];

/**
 * Whether an address, or any address of a network, is private or reserved (RFC 1918, loopback, link-local, CGNAT,
 * ULA, multicast, documentation, unspecified, benchmarking, 6to4, …). Unparseable input counts as reserved, so a
 * caller that uses this to refuse acting on non-public addresses also refuses garbage.
 */
export function isPrivateOrReserved(ipOrCidr: string): boolean {
  const parsed = parseCidr(ipOrCidr);
  if (!parsed.ok) return true;
  return special().overlaps(parsed.value.text);
}

let specialSet: CidrSet | undefined;
function special(): CidrSet {
  specialSet ??= new CidrSet(SPECIAL_PURPOSE_RANGES);
  return specialSet;
}

/**
 * A set of networks (an allowlist): merged, sorted intervals searched in O(log n). Construction throws on an entry
 * that is not a CIDR (a configuration error); `contains` and `overlaps` never throw and answer false for garbage.
 */
export class CidrSet {
  private readonly v4: Interval[];
  private readonly v6: Interval[];
  /** The IPv4 intervals' bounds as numbers, searched for plain addresses without parsing them into objects. */
  private readonly v4First: number[];
  private readonly v4Last: number[];
  /** The number of entries given (after canonicalisation and de-duplication). */
  readonly size: number;

  constructor(cidrs: Iterable<string>) {
    const seen = new Set<string>();
    const intervals: Interval[] = [];
    for (const entry of cidrs) {
      const parsed = parseCidr(entry);
      if (!parsed.ok) throw new Error(`CidrSet: ${parsed.reason}`);
      if (seen.has(parsed.value.text)) continue;
      seen.add(parsed.value.text);
      intervals.push(intervalOf(parsed.value));
    }
    this.size = seen.size;
    this.v4 = merge(intervals.filter((i) => i.version === 4));
    this.v6 = merge(intervals.filter((i) => i.version === 6));
    this.v4First = this.v4.map((i) => Number(i.first));
    this.v4Last = this.v4.map((i) => Number(i.last));
  }

  /** Whether the address (or every address of the network) is in the set. */
  contains(ip: string): boolean {
    const v4 = typeof ip === "string" && ip.length <= MAX_TEXT ? ipv4Number(ip.trim()) : undefined;
    if (v4 !== undefined) return this.containsV4(v4);
    const parsed = parseCidr(ip);
    if (!parsed.ok) return false;
    const probe = intervalOf(parsed.value);
    const hit = this.find(probe);
    return hit !== undefined && hit.first <= probe.first && probe.last <= hit.last;
  }

  /** Whether any address of the network (or the address) is in the set. */
  overlaps(cidr: string): boolean {
    const parsed = parseCidr(cidr);
    if (!parsed.ok) return false;
    const probe = intervalOf(parsed.value);
    const list = probe.version === 4 ? this.v4 : this.v6;
    // The first interval ending at or after the probe's start overlaps it iff it starts at or before the probe's end.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].last < probe.first) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo].first <= probe.last;
  }

  private containsV4(address: number): boolean {
    const first = this.v4First;
    let lo = 0;
    let hi = first.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (address < first[mid]) hi = mid - 1;
      else if (address > this.v4Last[mid]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** The interval holding the probe's first address, if any. */
  private find(probe: Interval): Interval | undefined {
    const list = probe.version === 4 ? this.v4 : this.v6;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const i = list[mid];
      if (probe.first < i.first) hi = mid - 1;
      else if (probe.first > i.last) lo = mid + 1;
      else return i;
    }
    return undefined;
  }
}

function merge(intervals: Interval[]): Interval[] {
  intervals.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: Interval[] = [];
  for (const i of intervals) {
    const last = out[out.length - 1];
    if (last && i.first <= last.last + 1n) {
      if (i.last > last.last) last.last = i.last;
    } else out.push({ ...i });
  }
  return out;
}
