import { strict as assert } from "node:assert";
import fc from "fast-check";
import { runs } from "../harness/properties";
import { CidrSet, hostCidr, ipv4Number, isPrivateOrReserved, parseCidr, parseIp, plainIpv6 } from "../../components/shared/net/cidr";

// The fast readers and the interval set against oracles of their own: RFC 791's dotted quad read digit by digit,
// Node's WHATWG URL parser for IPv6 (validity and RFC 5952 text), and bigint prefix arithmetic for networks. A fast
// path that gives up where it should answer is a bug too: the callers rely on it for throughput.
const RUNS = runs(1000);

/** Canonical dotted quad (decimal octets 0-255, no leading zeros) → its value; anything else undefined. */
function dottedQuadOracle(t: string): number | undefined {
  const parts = t.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    value = value * 256 + Number(p);
  }
  return value;
}

/** An IPv6 text of hex groups and colons only, through the URL parser: its RFC 5952 text, IPv4-mapped as dotted quad. */
function hexIpv6Oracle(t: string): { version: 4 | 6; text: string } | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(t)) return undefined;
  let host: string;
  try {
    host = new URL(`http://[${t}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!mapped) return { version: 6, text: host };
  const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
  return { version: 4, text: `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}` };
}

const octetText = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom("0", "00", "01", "255", "256", "999", "1000", "", "a", "-1", " 1", "1 ", "+1"));
const dottedish = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map((o) => o.join(".")),
  fc.array(octetText, { minLength: 1, maxLength: 6 }).map((o) => o.join(".")),
  fc.stringMatching(/^[0-9.]{0,17}$/),
);

const group = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 0, 0, 1, 0xffff));
/** Eight groups in one of the spellings RFC 4291 2.2 allows, "::" anywhere over a run of zero groups. */
const hexIpv6 = fc
  .tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.boolean())
  .map(([groups, upper, padded, from, length, mapped]) => {
    const g = mapped ? [0, 0, 0, 0, 0, 0xffff, groups[6], groups[7]] : groups;
    const to = Math.min(8, from + length);
    const zeroRun = to - from >= 1 ? g.map((v, i) => (i >= from && i < to ? 0 : v)) : g;
    const text = (v: number) => (padded ? v.toString(16).padStart(4, "0") : v.toString(16));
    const written = to - from >= 1 && (to - from >= 2 || from === 0 || to === 8 || length > 0) ? `${zeroRun.slice(0, from).map(text).join(":")}::${zeroRun.slice(to).map(text).join(":")}` : zeroRun.map(text).join(":");
    return upper ? written.toUpperCase() : written;
  });
/** Near misses: a group too many or too few, a second "::", a five-digit group, a lone colon at either end, a stray character. */
const hexIpv6NearMiss = fc.tuple(hexIpv6, fc.integer({ min: 0, max: 9 }), fc.nat()).map(([t, how, at]) => {
  const i = at % (t.length + 1);
  switch (how) {
    case 0:
      return `${t}:1`;
    case 1:
      return `1:${t}`;
    case 2:
      return t.includes("::") ? t.replace("::", ":") : t.replace(/:[0-9a-fA-F]+$/, "");
    case 3:
      return `${t.slice(0, i)}::${t.slice(i)}`;
    case 4:
      return t.replace(/[0-9a-fA-F]+/, (g) => `1${g.padStart(4, "0")}`);
    case 5:
      return `:${t}`;
    case 6:
      return `${t}:`;
    case 7:
      return `${t.slice(0, i)}${"gGx:. %"[at % 7]}${t.slice(i)}`;
    case 8:
      return t.slice(0, i);
    default:
      return `${t.slice(0, i)}:${t.slice(i)}`;
  }
});

describe("CIDR fast paths and sets against independent oracles", () => {
  it("ipv4Number reads exactly the canonical dotted quads, to their value", () => {
    fc.assert(
      fc.property(dottedish, (t) => {
        assert.equal(ipv4Number(t), dottedQuadOracle(t), t);
      }),
      RUNS,
    );
    for (const [t, v] of [["0.0.0.0", 0], ["255.255.255.255", 2 ** 32 - 1], ["1.2.3.4", 0x01020304], ["100.200.10.1", 0x64c80a01]] as const) assert.equal(ipv4Number(t), v);
    for (const t of ["1.2.3", "1.2.3.4.", ".1.2.3.4", "1.2.3.4.5", "1..2.3", "01.2.3.4", "1.2.3.00", "1.2.3.256", "1.2.3.4 ", "1.2.3.a", "1234.1.1.1", "1.2.3.1000", "1.1.1.1111"]) assert.equal(ipv4Number(t), undefined, t);
  });

  it("plainIpv6 reads every hex-group IPv6 text the URL parser reads, to the same canonical text, and nothing else", () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(hexIpv6, hexIpv6, hexIpv6NearMiss), (t) => {
        const want = hexIpv6Oracle(t);
        if (want) read++;
        assert.deepEqual(plainIpv6(t), want, t);
        // parseIp agrees, whichever path reads it.
        assert.deepEqual(parseIp(t), want ? { ok: true, value: want } : parseIp(t));
      }),
      RUNS,
    );
    assert.ok(read > RUNS.numRuns / 3, `only ${read} valid texts`);
    for (const [t, want] of [
      ["::", "::"],
      ["::1", "::1"],
      ["1::", "1::"],
      ["1:0:0:1:0:0:0:1", "1:0:0:1::1"],
      ["1:0:0:0:1:0:0:1", "1::1:0:0:1"],
      ["0:0:1:0:0:1:0:0", "::1:0:0:1:0:0"],
      ["1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"],
      ["ABCD:EF01::", "abcd:ef01::"],
      ["0000:0000:0000:0000:0000:FFFF:0102:0304", "1.2.3.4"],
      ["::ffff:0:0", "0.0.0.0"],
      ["::fffe:102:304", "::fffe:102:304"],
      ["0:0:0:0:1:ffff:102:304", "::1:ffff:102:304"],
    ] as const) assert.deepEqual(plainIpv6(t)?.text, want, t);
    for (const t of ["", ":", ":::", "1:::2", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2:3:4:5:6:7:8", "12345::", "::12345", "g::", "1:2:3:4:5:6:7:", ":1:2:3:4:5:6:7", "::1.2.3.4", "fe80::1%1", "0000:0000:0000:0000:0000:0000:0000:00001"]) {
      assert.equal(plainIpv6(t), undefined, t);
    }
  });

  it("refuses overlong texts before reading them, saying what was refused", () => {
    const pad = (t: string, n: number) => `${" ".repeat(n - t.length)}${t}`;
    assert.deepEqual(parseIp(pad("10.0.0.1", 100)), { ok: true, value: { version: 4, text: "10.0.0.1" } });
    assert.deepEqual(parseIp(pad("::1", 100)), { ok: true, value: { version: 6, text: "::1" } });
    assert.deepEqual(parseIp(pad("::ffff:10.0.0.1", 100)), { ok: true, value: { version: 4, text: "10.0.0.1" } });
    assert.equal(parseIp(pad("10.0.0.1", 101)).ok, false);
    assert.equal(parseIp(pad("::ffff:10.0.0.1", 101)).ok, false);
    assert.equal(hostCidr(pad("10.0.0.1", 100)).ok, true);
    assert.equal(hostCidr(pad("10.0.0.1", 101)).ok, false);
    assert.equal(parseCidr(pad("10.0.0.0/8", 104)).ok, true);
    assert.equal(parseCidr(pad("10.0.0.0/8", 105)).ok, false);
    assert.deepEqual(parseIp("nope"), { ok: false, reason: 'not an IP address: "nope"' });
    assert.deepEqual(hostCidr("nope"), { ok: false, reason: 'not an IP address: "nope"' });
    assert.deepEqual(parseIp(""), { ok: false, reason: 'not an IP address: ""' });
    assert.deepEqual(parseIp(null as unknown as string), { ok: false, reason: "not an IP address: (null)" });
    assert.deepEqual(parseCidr(7 as unknown as string), { ok: false, reason: "not a CIDR: (number)" });
    assert.deepEqual(parseCidr(undefined as unknown as string), { ok: false, reason: "not a CIDR: (undefined)" });
    const long = `${"x".repeat(60)}`;
    assert.deepEqual(parseIp(long), { ok: false, reason: `not an IP address: "${long}"` });
    assert.deepEqual(parseIp(`${long}y`), { ok: false, reason: `not an IP address: "${long}…"` });
    assert.deepEqual(parseCidr("1.2.3.4/x"), { ok: false, reason: 'not a CIDR (prefix length): "1.2.3.4/x"' });
    assert.deepEqual(parseCidr("1.2.3.4/1234"), { ok: false, reason: 'not a CIDR (prefix length): "1.2.3.4/1234"' });
    assert.deepEqual(parseCidr("1.2.3.4/33"), { ok: false, reason: 'not a CIDR (prefix length > 32): "1.2.3.4/33"' });
    assert.deepEqual(parseCidr("::/129"), { ok: false, reason: 'not a CIDR (prefix length > 128): "::/129"' });
    assert.deepEqual(parseCidr("::ffff:1.2.3.4/129"), { ok: false, reason: 'not a CIDR (prefix length > 128): "::ffff:1.2.3.4/129"' });
    assert.deepEqual(parseCidr("1.2.3/8"), { ok: false, reason: 'not a CIDR (address): "1.2.3/8"' });
    assert.deepEqual(parseCidr("fe80::%1/64"), { ok: false, reason: 'not a CIDR (address): "fe80::%1/64"' });
    assert.deepEqual(parseCidr("1.2.3.4/24", { strict: true }), { ok: false, reason: 'CIDR has host bits set: "1.2.3.4/24" (the network is 1.2.3.0/24)' });
    assert.deepEqual(parseCidr(" 1.2.3.0 / 24 ", { strict: true }), { ok: true, value: { version: 4, address: "1.2.3.0", prefix: 24, text: "1.2.3.0/24" } });
    assert.equal(parseCidr("1.2.3.0/24 x").ok, false);
    assert.equal(parseCidr("1.2.3.0/ 24").ok, true);
  });

  it("CidrSet: contains and overlaps agree with prefix arithmetic over many networks in any order", () => {
    const v4Near = fc.tuple(fc.constantFrom(10, 11, 12, 200), fc.constantFrom(0, 1, 127, 128, 255), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }));
    const v4Net = fc.tuple(v4Near, fc.integer({ min: 0, max: 32 })).map(([o, p]) => ({ version: 4 as const, value: BigInt((o[0] << 24) >>> 0) + BigInt((o[1] << 16) | (o[2] << 8) | o[3]), prefix: p }));
    const v6Net = fc
      .tuple(fc.constantFrom(0n, 0x20010db8n, 0x20010db9n, 0xffffn), fc.bigInt({ min: 0n, max: (1n << 96n) - 1n }), fc.integer({ min: 0, max: 128 }))
      .map(([hi, lo, p]) => ({ version: 6 as const, value: (hi << 96n) | lo, prefix: p }));
    const net = fc.oneof(v4Net, v6Net);
    const mask = (n: { version: 4 | 6; value: bigint; prefix: number }) => {
      const bits = n.version === 4 ? 32 : 128;
      const host = (1n << BigInt(bits - n.prefix)) - 1n;
      return { version: n.version, first: n.value & ~host, last: (n.value & ~host) | host };
    };
    const text = (n: { version: 4 | 6; value: bigint; prefix: number }) => {
      if (n.version === 4) return `${[24n, 16n, 8n, 0n].map((s) => (n.value >> s) & 255n).join(".")}/${n.prefix}`;
      return `${Array.from({ length: 8 }, (_, i) => ((n.value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(":")}/${n.prefix}`;
    };
    // IPv4-mapped IPv6 networks of /96 or longer are IPv4 networks; others stay IPv6 (RFC 4291 2.5.5.2).
    const fold = (n: { version: 4 | 6; value: bigint; prefix: number }) => (n.version === 6 && n.prefix >= 96 && n.value >> 32n === 0xffffn ? { version: 4 as const, value: n.value & 0xffffffffn, prefix: n.prefix - 96 } : n);
    fc.assert(
      fc.property(fc.array(net, { maxLength: 20 }), fc.array(net, { minLength: 1, maxLength: 10 }), (entries, probes) => {
        const set = new CidrSet(entries.map(text));
        const ranges = entries.map(fold).map(mask);
        for (const probe of probes) {
          const p = mask(fold(probe));
          const same = ranges.filter((r) => r.version === p.version);
          // Containment: every address of the probe in the union of the entries (adjacent entries join).
          let covered = p.first;
          for (const r of [...same].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))) if (r.first <= covered && r.last >= covered) covered = r.last + 1n;
          assert.equal(set.contains(text(probe)), covered > p.last, `contains ${text(probe)} in ${entries.map(text).join(" ")}`);
          assert.equal(set.overlaps(text(probe)), same.some((r) => r.first <= p.last && p.first <= r.last), `overlaps ${text(probe)}`);
          if (p.version === 4 && probe.prefix === (probe.version === 4 ? 32 : 128)) {
            const host = `${[24n, 16n, 8n, 0n].map((s) => (p.first >> s) & 255n).join(".")}`;
            assert.equal(set.contains(host), covered > p.last, `contains ${host}`);
          }
        }
      }),
      RUNS,
    );
  });

  it("CidrSet: edges of one network, IPv4 never matching IPv6 of the same bits, duplicates counted once, garbage never matching", () => {
    const set = new CidrSet(["10.0.0.0/8", "2001:db8::/32", "10.0.0.0/8", " 10.1.2.3/8", "192.0.2.0/25", "192.0.2.128/25"]);
    assert.equal(set.size, 4);
    for (const ip of ["10.0.0.0", "10.255.255.255", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "192.0.2.0/24", "192.0.2.127", "192.0.2.128"]) assert.equal(set.contains(ip), true, ip);
    for (const ip of ["9.255.255.255", "11.0.0.0", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::", "10.0.0.0/7", "2001:db8::/31", "::a00:1", "::a00:0/104", "::/0", "nonsense", ""]) assert.equal(set.contains(ip), false, ip);
    for (const ip of ["10.0.0.0/7", "2001:db8::/31", "0.0.0.0/0", "::/0", "::ffff:10.0.0.0/104"]) assert.equal(set.overlaps(ip), true, ip);
    for (const ip of ["::a00:0/104", "11.0.0.0/8", "nonsense", "", "2001:db9::/32"]) assert.equal(set.overlaps(ip), false, ip);
    assert.equal(new CidrSet([]).contains("10.0.0.1"), false);
    assert.equal(new CidrSet([]).overlaps("::/0"), false);
    assert.throws(() => new CidrSet(["10.0.0.0/8", "nonsense"]), /CidrSet: not an IP address: "nonsense"/);
  });

  it("special-purpose ranges: inside and at the edges of each, public space just outside", () => {
    for (const ip of ["10.255.255.255", "100.64.0.0", "100.127.255.255", "172.31.255.255", "198.19.255.255", "255.255.255.255", "::", "::1", "64:ff9b::1", "fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::1", "::ffff:10.0.0.1", "2001:db8::/32", "1.2.3.4/0"]) assert.equal(isPrivateOrReserved(ip), true, ip);
    for (const ip of ["11.0.0.0", "100.63.255.255", "100.128.0.0", "172.32.0.0", "198.20.0.0", "2a00:1450::1", "::2", "fe00::", "::ffff:45.33.32.156", "45.33.32.0/24"]) assert.equal(isPrivateOrReserved(ip), false, ip);
    assert.equal(isPrivateOrReserved("nonsense"), true, "garbage counts as reserved");
  });
});
