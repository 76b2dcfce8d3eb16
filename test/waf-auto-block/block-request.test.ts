import { strict as assert } from "node:assert";
import {
  addressPolicy,
  admitAddress,
  BLOCK_SOURCES,
  blockMessages,
  cleanReason,
  isBlockSource,
  MAX_ADDRESSES_PER_MESSAGE,
  minPrefix,
  needsPrivilegedSender,
  parseQueueMessage,
  TOO_BROAD,
  type QueueMessage,
} from "../../components/waf-auto-block/lambda/block-request";

// The block queue's message contract (the one path every feeder uses), at each limit it states: 2,000 addresses, a
// 256-character reason, request ids of 1-200 printable ASCII characters, block periods of 1 minute to 366 days.
const MAX_TTL = 366 * 24 * 60;
const body = (m: Record<string, unknown>) => JSON.stringify(m);
const block = (extra: Record<string, unknown> = {}) => body({ kind: "kamae.block", addresses: ["198.51.100.7"], source: "guardduty", reason: "r", ...extra });
const refused = (input: unknown, pattern: RegExp) => {
  const r = parseQueueMessage(input);
  assert.equal(r.ok, false, `accepted ${String(input)}`);
  if (!r.ok) assert.match(r.reason, pattern);
};
// Read as a record: each test names the fields it expects.
const accepted = (input: unknown): Record<string, unknown> => {
  const r = parseQueueMessage(input);
  if (!r.ok) assert.fail(`refused ${String(input)}: ${r.reason}`);
  return { ...r.value };
};

describe("block queue messages: parsing at every limit of the contract", () => {
  it("knows the six feeders and nothing else, inherited keys included", () => {
    for (const s of BLOCK_SOURCES) assert.equal(isBlockSource(s), true);
    for (const s of ["constructor", "__proto__", "toString", "", "GuardDuty", 1, null, undefined, ["manual"]]) assert.equal(isBlockSource(s), false, String(s));
  });

  it("replaces control and line-separator characters with spaces, trims, and cuts a reason at 256 characters", () => {
    assert.equal(cleanReason("a\u0000b\u001fc\u007fd\u009fe\u2028f\u2029g"), "a b c d e f g");
    // Printable neighbours of the refused ranges are kept.
    assert.equal(cleanReason("~\u00a0é\u2027\u202a!"), "~\u00a0é\u2027\u202a!");
    assert.equal(cleanReason("\n\t  padded \r\n"), "padded");
    assert.equal(cleanReason("x".repeat(256)), "x".repeat(256));
    assert.equal(cleanReason("x".repeat(257)), `${"x".repeat(255)}…`);
    assert.equal(cleanReason(`  ${"y".repeat(256)}  `), "y".repeat(256), "trimmed before measuring");
  });

  it("asks for a privileged sender for unblocks, permanent, pinned and manual blocks only", () => {
    const b = (extra: object): QueueMessage => ({ kind: "kamae.block", addresses: ["198.51.100.7"], source: "guardduty", reason: "", ...extra });
    assert.equal(needsPrivilegedSender({ kind: "kamae.unblock", addresses: ["198.51.100.7"], reason: "" }), true);
    assert.equal(needsPrivilegedSender(b({})), false);
    assert.equal(needsPrivilegedSender(b({ permanent: false, pinned: false })), false);
    assert.equal(needsPrivilegedSender(b({ permanent: true })), true);
    assert.equal(needsPrivilegedSender(b({ pinned: true })), true);
    assert.equal(needsPrivilegedSender(b({ source: "manual" })), true);
    assert.equal(needsPrivilegedSender(b({ source: "reputation" })), false);
    assert.equal(needsPrivilegedSender({ kind: "kamae.sync" }), false);
  });

  it("refuses what is not a JSON object of a known kind, saying why", () => {
    refused(undefined, /JSON string/);
    refused("{not json", /not JSON/);
    refused("[1]", /not a JSON object/);
    refused("null", /not a JSON object/);
    refused(body({ kind: "kamae.delete", addresses: ["198.51.100.7"] }), /unknown message kind "kamae\.delete"/);
    refused(body({ addresses: ["198.51.100.7"] }), /unknown message kind/);
    refused(body({ kind: "x".repeat(100) }), /^unknown message kind "x{39}$/);
    assert.deepEqual(accepted(body({ kind: "kamae.sync", addresses: "ignored" })), { kind: "kamae.sync" });
  });

  it("takes 1 to 2,000 addresses, all strings", () => {
    refused(block({ addresses: [] }), /non-empty array/);
    refused(block({ addresses: "198.51.100.7" }), /non-empty array/);
    refused(block({ addresses: undefined }), /non-empty array/);
    refused(body({ kind: "kamae.unblock", addresses: [] }), /non-empty array/);
    const many = (n: number) => Array.from({ length: n }, (_, i) => `10.0.${i >> 8}.${i & 255}`);
    assert.equal((accepted(block({ addresses: many(MAX_ADDRESSES_PER_MESSAGE) })).addresses as string[]).length, 2000);
    refused(block({ addresses: many(MAX_ADDRESSES_PER_MESSAGE + 1) }), /more than 2000 addresses/);
    refused(block({ addresses: ["198.51.100.7", 7] }), /addresses must be strings/);
    refused(block({ addresses: [null] }), /addresses must be strings/);
  });

  it("takes a missing reason as empty and cleans a given one; refuses a reason that is not text", () => {
    assert.equal(accepted(block({ reason: undefined })).reason, "");
    assert.equal(accepted(block({ reason: " scan\u0000ner " })).reason, "scan ner");
    refused(block({ reason: 5 }), /reason must be a string/);
    refused(block({ reason: null }), /reason must be a string/);
  });

  it("takes request ids of 1 to 200 printable ASCII characters only", () => {
    assert.equal(accepted(block({ requestId: "!" })).requestId, "!");
    assert.equal(accepted(block({ requestId: "~".repeat(200) })).requestId, "~".repeat(200));
    for (const id of ["", "a".repeat(201), "has space", "tab\there", "é", 42, null]) refused(block({ requestId: id }), /requestId must be printable ASCII/);
    refused(body({ kind: "kamae.unblock", addresses: ["198.51.100.7"], requestId: "a b" }), /requestId/);
  });

  it("reads an unblock as addresses, reason and request id only", () => {
    assert.deepEqual(accepted(body({ kind: "kamae.unblock", addresses: ["198.51.100.7"], reason: "false positive", requestId: "u-1", source: "bogus", pinned: "x" })), {
      kind: "kamae.unblock",
      addresses: ["198.51.100.7"],
      reason: "false positive",
      requestId: "u-1",
    });
  });

  it("refuses a block from an unknown source, naming the known ones", () => {
    refused(block({ source: "constructor" }), /source must be one of deep-security, guardduty, access-log, reputation, honeypot, manual/);
    refused(block({ source: undefined }), /source must be one of/);
  });

  it("takes block periods from 1 minute to 366 days, in whole minutes", () => {
    assert.equal(accepted(block({ ttlMinutes: 1 })).ttlMinutes, 1);
    assert.equal(accepted(block({ ttlMinutes: MAX_TTL })).ttlMinutes, MAX_TTL);
    for (const ttl of [0, -1, MAX_TTL + 1, 1.5, "60", null, Number.MAX_SAFE_INTEGER + 2]) refused(block({ ttlMinutes: ttl }), new RegExp(`ttlMinutes must be an integer from 1 to ${MAX_TTL}`));
  });

  it("takes permanent and pinned as booleans, and pinning from manual requests only", () => {
    refused(block({ permanent: "yes" }), /permanent must be a boolean/);
    refused(block({ permanent: 1 }), /permanent must be a boolean/);
    refused(block({ pinned: "yes" }), /pinned must be a boolean/);
    refused(block({ pinned: 0 }), /pinned must be a boolean/);
    refused(block({ pinned: true }), /only manual requests may pin/);
    assert.deepEqual(accepted(block({ source: "manual", pinned: true, permanent: true, ttlMinutes: 5, requestId: "m-1" })), {
      kind: "kamae.block",
      addresses: ["198.51.100.7"],
      source: "manual",
      reason: "r",
      ttlMinutes: 5,
      permanent: true,
      requestId: "m-1",
      pinned: true,
    });
    const unpinned = accepted(block({ source: "manual", pinned: false, permanent: false }));
    assert.equal("pinned" in unpinned, false, "pinned: false is no pin");
    assert.equal(unpinned.permanent, false);
    assert.deepEqual(accepted(block()), { kind: "kamae.block", addresses: ["198.51.100.7"], source: "guardduty", reason: "r", ttlMinutes: undefined, permanent: undefined, requestId: undefined });
  });
});

describe("block queue addresses: canonical form, minimum prefix per source, private ranges, allowlist", () => {
  const policy = addressPolicy({ allowlist: ["203.0.113.0/24", "2001:db8:1::/48"] });

  it("defaults to /8 and /24 for manual requests, /16 and /24 for reputation lists, private ranges refused", () => {
    const p = addressPolicy({ allowlist: [] });
    assert.deepEqual([p.minPrefixV4, p.minPrefixV6, p.reputationMinPrefixV4, p.reputationMinPrefixV6, p.blockPrivate], [8, 24, 16, 24, false]);
    const q = addressPolicy({ allowlist: [], blockPrivate: true, minPrefixV4: 12, minPrefixV6: 32, reputationMinPrefixV4: 20, reputationMinPrefixV6: 40 });
    assert.deepEqual([q.minPrefixV4, q.minPrefixV6, q.reputationMinPrefixV4, q.reputationMinPrefixV6, q.blockPrivate], [12, 32, 20, 40, true]);
    assert.equal(p.isPrivate("10.1.2.3"), true);
    assert.equal(p.isPrivate("45.33.32.156"), false);
  });

  it("lets event feeders block single addresses only, reputation lists and manual requests networks as configured", () => {
    const p = addressPolicy({ allowlist: [], minPrefixV4: 12, minPrefixV6: 32, reputationMinPrefixV4: 20, reputationMinPrefixV6: 40 });
    for (const s of ["deep-security", "guardduty", "access-log", "honeypot"] as const) assert.deepEqual([minPrefix(s, 4, p), minPrefix(s, 6, p)], [32, 128], s);
    assert.deepEqual([minPrefix("reputation", 4, p), minPrefix("reputation", 6, p)], [20, 40]);
    assert.deepEqual([minPrefix("manual", 4, p), minPrefix("manual", 6, p)], [12, 32]);
  });

  it("admits the canonical network at the source's minimum prefix and refuses one bit broader, saying why", () => {
    const admit = (text: string, source: Parameters<typeof admitAddress>[2], p = policy) => admitAddress(text, p, source);
    assert.deepEqual(admit("  45.33.32.156 ", "guardduty"), { ok: true, value: { version: 4, address: "45.33.32.156", prefix: 32, text: "45.33.32.156/32" } });
    assert.deepEqual(admit("45.33.32.0/24", "manual"), { ok: true, value: { version: 4, address: "45.33.32.0", prefix: 24, text: "45.33.32.0/24" } });
    const broad = admit("45.33.32.0/31", "guardduty");
    assert.deepEqual(broad, { ok: false, reason: `45.33.32.0/31 is ${TOO_BROAD} /32, the shortest prefix guardduty may block` });
    assert.equal(admit("45.0.0.0/8", "manual").ok, true);
    assert.deepEqual(admit("44.0.0.0/7", "manual"), { ok: false, reason: "44.0.0.0/7 is broader than /8, the shortest prefix manual may block" });
    assert.equal(admit("45.33.0.0/16", "reputation").ok, true);
    assert.equal(admit("45.32.0.0/15", "reputation").ok, false);
    assert.equal(admit("2a00:1400::/24", "manual").ok, true);
    assert.equal(admit("2a00:1400::/23", "manual").ok, false);
    assert.equal(admit("2a00:1450:4001::1", "honeypot").ok, true);
  });

  it("refuses host bits set, garbage, private ranges unless asked to block them, and anything overlapping the allowlist", () => {
    const hostBits = admitAddress("45.33.32.1/24", policy, "manual");
    assert.equal(hostBits.ok, false);
    if (!hostBits.ok) assert.match(hostBits.reason, /host bits set/);
    assert.equal(admitAddress("not-an-ip", policy, "manual").ok, false);
    assert.deepEqual(admitAddress("10.1.2.3", policy, "guardduty"), { ok: false, reason: "10.1.2.3/32 is private or reserved" });
    assert.equal(admitAddress("10.1.2.3", addressPolicy({ allowlist: [], blockPrivate: true }), "guardduty").ok, true);
    // 203.0.113.0/24 is documentation space (reserved) and allowlisted: allowed private blocking reaches the allowlist.
    assert.deepEqual(admitAddress("203.0.113.5", addressPolicy({ allowlist: ["203.0.113.0/24"], blockPrivate: true }), "guardduty"), { ok: false, reason: "203.0.113.5/32 overlaps the allowlist" });
    const pub = addressPolicy({ allowlist: ["45.33.32.0/24"] });
    assert.deepEqual(admitAddress("45.33.0.0/16", pub, "manual"), { ok: false, reason: "45.33.0.0/16 overlaps the allowlist" });
    assert.equal(admitAddress("45.33.33.0/24", pub, "manual").ok, true);
  });
});

describe("block queue messages from a feeder: bounded, de-duplicated, each replay-safe", () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `45.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);

  it("sends up to 2,000 addresses as one message under the feeder's request id", () => {
    const out = blockMessages({ source: "reputation", reason: " list\u0007 ", requestId: "rep:1" }, [...many(2000), ...many(10)]);
    assert.equal(out.length, 1);
    assert.deepEqual({ ...out[0], addresses: out[0].addresses.length }, { kind: "kamae.block", source: "reputation", reason: "list", requestId: "rep:1", addresses: 2000 });
    assert.deepEqual(out[0].addresses, many(2000), "order kept");
  });

  it("splits more into messages of 2,000, each with its own request id, so a replay of one part is recognised", () => {
    const out = blockMessages({ source: "reputation", reason: "list", requestId: "rep:1" }, many(4001));
    assert.deepEqual(out.map((m) => [m.addresses.length, m.requestId]), [[2000, "rep:1#0"], [2000, "rep:1#1"], [1, "rep:1#2"]]);
    assert.deepEqual(out.flatMap((m) => m.addresses), many(4001));
    for (const m of out) assert.equal(parseQueueMessage(JSON.stringify(m)).ok, true, "each part is a valid message");
  });

  it("sends no request id when the feeder gives none, and no message for no addresses", () => {
    const out = blockMessages({ source: "honeypot", reason: "trap" }, many(2001));
    assert.deepEqual(out.map((m) => "requestId" in m), [false, false]);
    assert.deepEqual(blockMessages({ source: "honeypot", reason: "trap", requestId: "h" }, []), []);
  });
});
