import { strict as assert } from "node:assert";
import fc from "fast-check";
import * as ipaddr from "ipaddr.js";
import { runs } from "../harness/properties";
import { CidrSet, hostCidr, isPrivateOrReserved, parseCidr, parseIp } from "../../components/shared/net/cidr";

const RUNS = runs(2000);

function cidrText(r: ReturnType<typeof parseCidr>): string {
  if (!r.ok) assert.fail(r.reason);
  return r.value.text;
}

// A naive reference: addresses as bit strings, containment as a prefix comparison.
function bits(ip: string): string {
  const p = parseIp(ip);
  if (!p.ok) throw new Error(p.reason);
  if (p.value.version === 4) return p.value.text.split(".").map((o) => Number(o).toString(2).padStart(8, "0")).join("");
  const [head, tail] = p.value.text.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.map((g) => parseInt(g, 16).toString(2).padStart(16, "0")).join("");
}

function naiveContains(cidrs: string[], ip: string): boolean {
  const b = bits(ip);
  return cidrs.some((c) => {
    const [addr, prefix] = c.split("/");
    const a = bits(addr);
    return a.length === b.length && a.slice(0, Number(prefix)) === b.slice(0, Number(prefix));
  });
}

const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
const v6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }).map((g) => g.map((x) => x.toString(16)).join(":"));
// Few distinct values per group so that generated networks overlap and contain generated addresses often.
const v6Dense = fc.array(fc.constantFrom(0, 1, 0x2001, 0xdb8, 0xffff), { minLength: 8, maxLength: 8 }).map((g) => g.map((x) => x.toString(16)).join(":"));
const v4Dense = fc.tuple(fc.constantFrom(10, 11, 192), fc.constantFrom(0, 168, 255), fc.nat(3), fc.nat(3)).map((o) => o.join("."));
const cidr4 = fc.tuple(fc.oneof(v4, v4Dense), fc.nat(32)).map(([a, p]) => `${a}/${p}`);
const cidr6 = fc.tuple(fc.oneof(v6, v6Dense), fc.nat(128)).map(([a, p]) => `${a}/${p}`);

describe("CIDR module", () => {
  it("canonicalises addresses: compressed lower-case IPv6, IPv4-mapped to IPv4", () => {
    assert.deepEqual(parseIp("2001:0DB8:0000:0000:0000:0000:0000:0001"), { ok: true, value: { version: 6, text: "2001:db8::1" } });
    assert.deepEqual(parseIp("::FFFF:192.0.2.1"), { ok: true, value: { version: 4, text: "192.0.2.1" } });
    assert.deepEqual(parseIp(" 10.0.0.1 "), { ok: true, value: { version: 4, text: "10.0.0.1" } });
    for (const bad of ["0x7f.0.0.1", "127.1", "017.0.0.1", "256.0.0.1", "fe80::1%eth0", "1.2.3.4/32", "", "a".repeat(10000), "::g"]) {
      assert.equal(parseIp(bad).ok, false, bad);
    }
    assert.equal(parseIp(null as unknown as string).ok, false);
    assert.equal(parseIp({ toString: () => "1.2.3.4" } as unknown as string).ok, false);
  });

  it("makes host networks and masks host bits (or refuses them when strict)", () => {
    assert.equal(cidrText(hostCidr("192.0.2.7")), "192.0.2.7/32");
    assert.equal(cidrText(hostCidr("2001:DB8::7")), "2001:db8::7/128");
    assert.equal(cidrText(parseCidr("10.1.2.3/8")), "10.0.0.0/8");
    assert.equal(cidrText(parseCidr("2001:db8:ffff::1/32")), "2001:db8::/32");
    assert.equal(cidrText(parseCidr("::ffff:10.0.0.0/104")), "10.0.0.0/8");
    assert.equal(cidrText(parseCidr("203.0.113.9")), "203.0.113.9/32");
    assert.equal(cidrText(parseCidr("0.0.0.0/0")), "0.0.0.0/0");
    assert.equal(cidrText(parseCidr("::/0")), "::/0");
    const strict = parseCidr("10.1.2.3/8", { strict: true });
    assert.ok(!strict.ok && /host bits/.test(strict.reason));
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/08x", "x/8"]) assert.equal(parseCidr(bad).ok, false, bad);
  });

  it("knows the special-purpose ranges", () => {
    for (const ip of ["10.1.1.1", "172.31.255.255", "192.168.0.1", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "255.255.255.255",
      "224.0.0.1", "240.0.0.1", "192.0.2.1", "198.51.100.1", "203.0.113.1", "198.18.0.1", "192.0.0.8", "::1", "::", "fe80::1", "fd00::1",
      "ff02::1", "2001:db8::1", "64:ff9b::1.2.3.4", "2002::1", "::ffff:10.0.0.1", "3fff::1", "100::1"]) {
      assert.equal(isPrivateOrReserved(ip), true, ip);
    }
    for (const ip of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2600:1f18::1", "2a00:1450::1", "::ffff:8.8.8.8", "52.94.0.0/16"]) {
      assert.equal(isPrivateOrReserved(ip), false, ip);
    }
    assert.equal(isPrivateOrReserved("0.0.0.0/0"), true, "a network holding private addresses counts");
    assert.equal(isPrivateOrReserved("not an ip"), true, "garbage is never treated as a public address");
  });

  it("CidrSet answers containment and overlap, and refuses bad entries", () => {
    const set = new CidrSet(["10.0.0.0/8", "11.0.0.0/8", "192.168.1.0/24", "2001:db8::/32", "10.0.0.0/8", "10.1.0.0/16"]);
    assert.equal(set.size, 5);
    assert.equal(set.contains("11.255.0.1"), true);
    assert.equal(set.contains("10.0.0.0/7"), true, "adjacent entries merge");
    assert.equal(set.contains("12.0.0.1"), false);
    assert.equal(set.contains("2001:db8:1::1"), true);
    assert.equal(set.contains("::ffff:10.2.3.4"), true);
    assert.equal(set.contains("garbage"), false);
    assert.equal(set.overlaps("192.168.0.0/16"), true);
    assert.equal(set.overlaps("192.168.2.0/24"), false);
    assert.equal(set.overlaps("2001:db9::/32"), false);
    assert.throws(() => new CidrSet(["10.0.0.0/8", "nonsense"]), /CidrSet: not an IP address/);
  });

  describe("properties", () => {
    it("canonical form is idempotent and normalises to the same network", () => {
      fc.assert(
        fc.property(fc.oneof(cidr4, cidr6), (text) => {
          const once = cidrText(parseCidr(text));
          assert.equal(cidrText(parseCidr(once)), once);
          assert.equal(cidrText(parseCidr(once, { strict: true })), once, "canonical form has no host bits");
          assert.equal(once, once.toLowerCase());
        }),
        RUNS,
      );
    });

    it("a canonical address parses back to itself; an IPv4-mapped IPv6 address becomes the IPv4 one", () => {
      fc.assert(
        fc.property(fc.oneof(v4, v6), (ip) => {
          const p = parseIp(ip);
          assert.ok(p.ok);
          assert.deepEqual(parseIp(p.value.text), p);
          if (p.value.version === 4) assert.deepEqual(parseIp(`::ffff:${ip}`), p);
        }),
        RUNS,
      );
    });

    it("plain IPv6 texts (hex groups, '::') get ipaddr.js's answer: valid or not, the same canonical text", () => {
      // ipaddr.js itself, as parseIp used it for every address before its fast path for log-sized volumes.
      const oracle = (text: string) => {
        const t = text.trim();
        if (t.includes("%") || !t.includes(":") || !ipaddr.IPv6.isValid(t)) return false;
        const v6 = ipaddr.IPv6.parse(t);
        return v6.isIPv4MappedAddress() ? { version: 4, text: v6.toIPv4Address().toString() } : { version: 6, text: v6.toString() };
      };
      const group = fc.oneof(fc.constant(0), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff }));
      const spelled = fc
        .tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.nat(8), fc.nat(8), fc.boolean(), fc.boolean(), fc.constantFrom("", " "))
        .map(([groups, a, b, upper, padded, space]) => {
          const g = groups.map((x) => (padded ? x.toString(16).padStart(4, "0") : x.toString(16)));
          // Any zero run (not only the longest) may be written "::", as senders do.
          const [from, to] = [Math.min(a, b), Math.max(a, b)];
          const text = to > from && groups.slice(from, to).every((x) => x === 0) ? `${g.slice(0, from).join(":")}::${g.slice(to).join(":")}` : g.join(":");
          return space + (upper ? text.toUpperCase() : text) + space;
        });
      const noise = fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEFgG:::. %\u001a\u0013"), maxLength: 42 });
      fc.assert(
        fc.property(fc.oneof(spelled, noise), (text) => {
          const want = oracle(text);
          const got = parseIp(text);
          if (want === false) assert.equal(got.ok, false, text);
          else assert.deepEqual(got, { ok: true, value: want }, text);
        }),
        runs(20_000),
      );
    });

    it("IPv4 texts get ipaddr.js's answer (canonical dotted quads only), and CidrSet.contains its match()", () => {
      // ipaddr.js itself, as parseIp and CidrSet.contains used it for every IPv4 address before their fast path.
      const oracle = (text: string) => {
        const t = text.trim();
        return ipaddr.IPv4.isValidFourPartDecimal(t) ? ipaddr.IPv4.parse(t) : undefined;
      };
      const ranges = ["10.0.0.0/8", "192.168.1.0/24", "203.0.113.7/32", "0.0.0.0/32", "255.255.255.0/24"];
      const set = new CidrSet(ranges);
      const octet = fc.oneof(
        { arbitrary: fc.nat(255).map(String), weight: 3 },
        { arbitrary: fc.constantFrom("0", "10", "192", "168", "1", "203", "113", "7", "255"), weight: 3 },
        { arbitrary: fc.constantFrom("256", "999", "00", "01", "007", "", "1000", "+1"), weight: 1 },
      );
      const octets = fc.oneof({ arbitrary: fc.array(octet, { minLength: 4, maxLength: 4 }), weight: 4 }, fc.array(octet, { minLength: 3, maxLength: 5 }));
      const spelled = fc
        .tuple(octets, fc.constantFrom("", " ", "\t"))
        .map(([octets, space]) => space + octets.join(".") + space);
      const noise = fc.string({ unit: fc.constantFrom(..."0123456789.. x-/"), maxLength: 17 });
      let valid = 0;
      fc.assert(
        fc.property(fc.oneof(spelled, noise), (text) => {
          const want = oracle(text);
          const got = parseIp(text);
          if (want === undefined) assert.equal(got.ok, false, text);
          else assert.deepEqual(got, { ok: true, value: { version: 4, text: want.toString() } }, text);
          if (want) valid++;
          const inSet = want !== undefined && ranges.some((r) => want.match(ipaddr.IPv4.parseCIDR(r)));
          if (!text.includes("/")) assert.equal(set.contains(text), inSet, text);
        }),
        runs(20_000),
      );
      assert.ok(valid > runs(20_000).numRuns / 5, `only ${valid} valid addresses generated`);
    });

    it("contains() and overlaps() agree with a naive bit-prefix check", () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(cidr4, cidr6), { maxLength: 8 }), fc.oneof(v4, v4Dense, v6, v6Dense), (entries, ip) => {
          const canonical = entries.map((e) => cidrText(parseCidr(e)));
          const set = new CidrSet(entries);
          assert.equal(set.contains(ip), naiveContains(canonical, ip));
          assert.equal(set.overlaps(ip), naiveContains(canonical, ip));
        }),
        RUNS,
      );
    });

    it("overlap agrees whichever side is the set; containment implies overlap", () => {
      fc.assert(
        fc.property(fc.array(cidr4, { minLength: 1, maxLength: 6 }), cidr4, (entries, probe) => {
          const set = new CidrSet(entries);
          const p = parseCidr(probe);
          assert.ok(p.ok);
          // The probe overlaps the set iff some entry overlaps the probe, i.e. the probe's set overlaps that entry.
          const probeSet = new CidrSet([probe]);
          assert.equal(set.overlaps(probe), entries.some((e) => probeSet.overlaps(e)));
          if (set.contains(probe)) assert.equal(set.overlaps(probe), true);
        }),
        RUNS,
      );
    });

    it("never throws on arbitrary input", () => {
      const set = new CidrSet(["10.0.0.0/8"]);
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.anything()), (x: any) => {
          parseIp(x);
          parseCidr(x);
          hostCidr(x);
          assert.equal(typeof isPrivateOrReserved(x), "boolean");
          set.contains(x);
          set.overlaps(x);
        }),
        RUNS,
      );
    });
  });
});
