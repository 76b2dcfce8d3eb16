import { strict as assert } from "node:assert";
import fc from "fast-check";
import { runs } from "../../harness/properties";
import { isValidBucketName, isValidObjectKey } from "../../../components/shared/events/fields";
import { parseCidr, parseIp } from "../../../components/shared/net/cidr";
import { bucketNameOracle, canonicalIpOracle, networkOracle, networkText, objectKeyOracle } from "./oracles";

// The validators against oracles written from AWS's rules (./oracles.ts), with generators that seek the thresholds:
// lengths at 2/3/63/64, prefixes at 95/96/97, reserved prefixes and suffixes, and byte limits.
const RUNS = runs(3000);

const bucketChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789.-", ".", "-", "A", "_", " ", "é");
const bucketLength = fc.oneof(fc.constantFrom(1, 2, 3, 4, 62, 63, 64, 65), fc.integer({ min: 0, max: 70 }));
const bucketName = fc.oneof(
  bucketLength.chain((n) => fc.array(bucketChar, { minLength: n, maxLength: n }).map((c) => c.join(""))),
  fc.tuple(fc.constantFrom("", "xn--", "sthree-", "amzn-s3-demo-", "xn-", "sthree"), fc.stringMatching(/^[a-z0-9]{1,50}$/), fc.constantFrom("", "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3", "s3alias", "-mrap")).map((p) => p.join("")),
  fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((o) => o.join(".")),
);

describe("validators agree with AWS's documented rules (oracle properties)", () => {
  it("bucket names: the boundaries", () => {
    for (const [name, valid] of [["abc", true], ["ab", false], ["a".repeat(63), true], ["a".repeat(64), false], ["a.b-c", true], ["a..b", false], ["1.2.3.4", false], ["1.2.3.4a", true], ["-ab", false], ["ab-", false]] as const) {
      assert.equal(isValidBucketName(name), valid, name);
      assert.equal(bucketNameOracle(name), valid, `oracle: ${name}`);
    }
  });

  it("bucket names: the validator accepts exactly what the naming rules allow", () => {
    let valid = 0;
    fc.assert(
      fc.property(bucketName, (name) => {
        const expected = bucketNameOracle(name);
        if (expected) valid++;
        assert.equal(isValidBucketName(name), expected, name);
      }),
      RUNS,
    );
    assert.ok(valid > RUNS.numRuns / 20, `only ${valid} valid names generated`);
  });

  it("object keys: 1 to 1,024 UTF-8 bytes of well-formed text", () => {
    const key = fc.oneof(
      fc.integer({ min: 1020, max: 1026 }).map((n) => "k".repeat(n)),
      fc.integer({ min: 509, max: 514 }).map((n) => "é".repeat(n)),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: fc.constantFrom("a", "\uD800", "\uDC00", "😀"), maxLength: 6 }),
    );
    fc.assert(fc.property(key, (k) => assert.equal(isValidObjectKey(k), objectKeyOracle(k), JSON.stringify(k.slice(0, 20)))), RUNS);
  });

  it("CIDRs: the network parsed is the one bit arithmetic gives, IPv4-mapped networks folding to IPv4 at /96 and above", () => {
    const mapped = fc.bigInt({ min: 0n, max: 0xffffffffn }).map((v) => (0xffffn << 32n) | v);
    const v6 = fc.oneof(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), mapped, mapped.map((v) => v ^ (1n << 33n)));
    const prefix6 = fc.oneof(fc.constantFrom(0, 95, 96, 97, 127, 128), fc.integer({ min: 0, max: 128 }));
    const prefix4 = fc.oneof(fc.constantFrom(0, 1, 31, 32), fc.integer({ min: 0, max: 32 }));
    const network = fc.oneof(
      fc.tuple(fc.constant<4 | 6>(4), fc.bigInt({ min: 0n, max: 0xffffffffn }), prefix4),
      fc.tuple(fc.constant<4 | 6>(6), v6, prefix6),
    );
    let folded = 0;
    fc.assert(
      fc.property(network, ([version, value, prefix]) => {
        const expected = networkOracle(version, value, prefix);
        if (version === 6 && expected.version === 4) folded++;
        // Written as a user would: IPv4 dotted, IPv6 fully expanded (for mapped ones, the dotted tail form too).
        const addr = version === 4 ? networkText({ version, value, prefix: 32 }).split("/")[0] : Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(":");
        const parsed = parseCidr(`${addr}/${prefix}`);
        assert.ok(parsed.ok, `${addr}/${prefix}`);
        assert.equal(parsed.value.text, networkText(expected), `${addr}/${prefix}`);
        assert.equal(parsed.value.version, expected.version);
      }),
      RUNS,
    );
    assert.ok(folded > RUNS.numRuns / 60, `only ${folded} mapped networks folded`);
  });

  it("CIDRs: ::ffff:a.b.c.d/95 stays IPv6 and /96 is all of IPv4's space", () => {
    const at = (p: number) => {
      const r = parseCidr(`::ffff:10.1.2.3/${p}`);
      return r.ok ? r.value.text : r.reason;
    };
    assert.deepEqual([95, 96, 97, 128].map(at), ["::fffe:0:0/95", "0.0.0.0/0", "0.0.0.0/1", "10.1.2.3/32"]);
  });

  it("addresses: every canonical text the parser produces is canonical by RFC 5952 (Node's URL serialiser)", () => {
    const ip = fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended());
    fc.assert(
      fc.property(ip, (text) => {
        const parsed = parseIp(text);
        if (parsed.ok) assert.ok(canonicalIpOracle(parsed.value.text), `${text} -> ${parsed.value.text}`);
      }),
      RUNS,
    );
  });
});
