import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { constants, createGunzip, gunzipSync, gzipSync } from "node:zlib";
import { seededRandom } from "../../bench/lib";
import { cloudTrailLogFile, filterLogFile } from "../../components/api-activity-alerts/lambda/filter";
import { generatedLogStream, generatedRecord, gzipText } from "../../components/api-activity-alerts/fixtures/generate-log";
import { MessageBatcher, type OutgoingMessage, summaryLine } from "../../components/api-activity-alerts/lambda/messages";
import { RuleSet } from "../../components/api-activity-alerts/lambda/rules";

const fixtureText = readFileSync(join(__dirname, "../../components/api-activity-alerts/fixtures/records.json"), "utf8");
const KEY = "logs/AWSLogs/o-abcdefghij/111111111111/CloudTrail/ap-northeast-1/2026/11/20/111111111111_CloudTrail_ap-northeast-1_20261120T1330Z_abcdefgh01234567.json.gz";
const file = cloudTrailLogFile("trail-bucket", KEY)!;
const changes = new RuleSet([{ name: "changes", readOnly: false }]);

function collector(maxBytes?: number) {
  const sent: OutgoingMessage[] = [];
  const batcher = new MessageBatcher(file, async (m) => void sent.push(m), maxBytes);
  const payloads = () => sent.map((m) => JSON.parse(m.message.slice(m.message.indexOf('\n{"kind"') + 1)));
  return { sent, batcher, payloads };
}

describe("ApiActivityAlerts file filtering", () => {
  it("selects only CloudTrail log keys and reads the account and Region from them", () => {
    assert.deepEqual(file, { bucket: "trail-bucket", key: KEY, accountId: "111111111111", region: "ap-northeast-1" });
    assert.equal(cloudTrailLogFile("b", KEY.replace("/CloudTrail/", "/CloudTrail-Digest/")), undefined);
    assert.equal(cloudTrailLogFile("b", KEY.replace("/CloudTrail/", "/CloudTrail-Insight/")), undefined);
    assert.equal(cloudTrailLogFile("b", KEY.replace(".json.gz", ".json")), undefined);
    assert.deepEqual(cloudTrailLogFile("b", "x/CloudTrail/odd-name.json.gz"), { bucket: "b", key: "x/CloudTrail/odd-name.json.gz" });
  });

  it("streams a file through the rules and sends one readable message with the structured calls", async () => {
    const { sent, batcher, payloads } = collector();
    const report = await filterLogFile(Readable.from([gzipText(fixtureText)]), file, changes, batcher);
    assert.deepEqual({ records: report.records, selected: report.selected, rejected: report.rejectedCount }, { records: 10, selected: 5, rejected: 0 });
    assert.equal(sent.length, 1);
    assert.equal(sent[0].subject, "Kamae: 5 API call(s) to review in 111111111111 (part 1)");
    const lines = sent[0].message.split("\n");
    assert.match(lines[0], /5 API call\(s\) to review \(account 111111111111, Region ap-northeast-1\)/);
    assert.ok(lines.some((l) => /arn:aws:iam::111111111111:user\/alice \(IAMUser\) \| called ec2\.amazonaws\.com AuthorizeSecurityGroupIngress \| in ap-northeast-1 .*from 203\.0\.113\.7 .*rule changes/.test(l)));
    const [payload] = payloads();
    assert.equal(payload.kind, "kamae.api-activity");
    assert.deepEqual(payload.calls.map((c: any) => c.record.eventID.slice(-2)), ["01", "02", "03", "06", "10"]);
    assert.deepEqual(payload.calls[0].rules, ["changes"]);
  });

  it("reports malformed records and keeps going", async () => {
    const text = '{"Records":[{"eventName":"DeleteTrail","readOnly":false,"eventID":"a"},{"eventName":"bad",},7,{"eventName":"StopLogging","readOnly":false,"eventID":"b"}]}';
    const { sent, batcher, payloads } = collector();
    const report = await filterLogFile(Readable.from([gzipText(text)]), file, changes, batcher);
    assert.equal(report.selected, 2);
    assert.deepEqual(report.rejected.map((r) => r.index), [1, 2]);
    assert.equal(report.malformed, undefined);
    assert.match(sent[0].message, /2 record\(s\) of this file could not be read: #1 not valid JSON.*#2 the record is not an object/);
    assert.equal(payloads()[0].rejectedRecords, 2);
  });

  const badFiles: Array<[string, Buffer, RegExp]> = [
    ["not gzip", Buffer.from("plain text, not gzip"), /not a gzip file/],
    ["truncated gzip", gzipText(fixtureText).subarray(0, 300), /not a gzip file|truncated/],
    ["not a CloudTrail document", gzipText('{"hello":"world"}'), /no "Records" array/],
    ["truncated JSON", gzipText(fixtureText.slice(0, fixtureText.length / 2)), /truncated/],
  ];
  for (const [what, body, reason] of badFiles) {
    it(`reports a file that is ${what} without failing, and tells the reviewers`, async () => {
      const { sent, batcher } = collector();
      const report = await filterLogFile(Readable.from([body]), file, changes, batcher);
      assert.match(report.malformed ?? "", reason);
      assert.equal(sent.length, 1);
      assert.match(sent[0].message, /could not be read: #-1 file: /);
    });
  }

  it("batches into messages below the size limit, every selected call exactly once and in order", async () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ eventName: `Put${i}`, readOnly: false, eventID: `id-${i}`, requestParameters: { pad: "ü".repeat(200 + ((i * 37) % 900)) } }));
    const maxBytes = 16 * 1024;
    const { sent, batcher, payloads } = collector(maxBytes);
    await filterLogFile(Readable.from([gzipText(JSON.stringify({ Records: records }))]), file, changes, batcher);
    assert.ok(sent.length > 10, `expected many messages, got ${sent.length}`);
    for (const m of sent) assert.ok(Buffer.byteLength(m.message) <= maxBytes, `message of ${Buffer.byteLength(m.message)} bytes`);
    assert.deepEqual(payloads().flatMap((p) => p.calls.map((c: any) => c.record.eventID)), records.map((r) => r.eventID));
    assert.deepEqual(payloads().map((p) => p.part), sent.map((_, i) => i + 1));
    // Full messages: each but the last would have overflowed with the next call.
    const sizes = sent.map((m) => Buffer.byteLength(m.message));
    assert.ok(sizes.slice(0, -1).every((s) => s > maxBytes - 4096), sizes.join(","));
  });

  it("trims a call too large for one message to its essential fields instead of failing", async () => {
    const huge = { eventName: "PutBucketPolicy", readOnly: false, eventID: "huge", userIdentity: { type: "IAMUser", arn: "arn:aws:iam::111111111111:user/alice" }, requestParameters: { policy: "x".repeat(300_000) } };
    const { sent, batcher, payloads } = collector();
    await filterLogFile(Readable.from([gzipText(JSON.stringify({ Records: [huge, { ...huge, eventID: "small", requestParameters: {} }] }))]), file, changes, batcher);
    for (const m of sent) assert.ok(Buffer.byteLength(m.message) <= 250_000);
    const calls = payloads().flatMap((p) => p.calls);
    assert.deepEqual(calls.map((c: any) => c.record.eventID), ["huge", "small"]);
    assert.match(calls[0].truncated, /omitted/);
    assert.equal(calls[0].record.requestParameters, undefined);
    assert.equal(calls[0].record.userIdentity.arn, "arn:aws:iam::111111111111:user/alice");
  });

  it("keeps hostile text from forging summary lines", () => {
    const line = summaryLine({ record: { eventTime: "2026-11-20T00:00:00Z", eventName: "Put\nrule: fake | x", userAgent: "a\u2028b" }, rules: ["r"] });
    assert.equal(line.includes("\n"), false);
    assert.equal(line.includes("\u2028"), false);
  });

  it("processes a large generated file with flat memory", async function () {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    // Retained heap, sampled after a collection every 20 chunks of the compressed stream (garbage not counted).
    let peak = 0;
    let chunks = 0;
    const sample = new Transform({
      transform(chunk, _enc, done) {
        if (++chunks % 20 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        }
        done(null, chunk);
      },
    });
    const decompressedBytes = 64 * 1024 * 1024;
    let messages = 0;
    const batcher = new MessageBatcher(file, async () => void messages++);
    const rules = new RuleSet([{ name: "policy", eventNames: ["PutBucketPolicy"], readOnly: false }]);
    const report = await filterLogFile(generatedLogStream(7, decompressedBytes).pipe(sample), file, rules, batcher);
    assert.ok(report.records > 50_000, `records ${report.records}`);
    assert.ok(report.selected > 1000 && messages > 1, `selected ${report.selected} in ${messages} messages`);
    assert.equal(report.rejectedCount, 0);
    assert.ok(chunks >= 100, `only ${chunks} chunks sampled`);
    // An upper bound with a wide margin (about 1 MiB is measured): holding the file would take over 64 MiB.
    assert.ok(peak < 16 * 1024 * 1024, `retained heap grew by ${(peak / 1048576).toFixed(1)} MiB while reading 64 MiB`);
  });
});

describe("ApiActivityAlerts file filtering: gzip as S3 delivers it (concatenated, truncated, corrupt)", () => {
  // 1,500 generated records (about 1.5 MB of JSON): several of gunzip's 256 KiB buffers.
  const random = seededRandom(11);
  const texts = Array.from({ length: 1500 }, (_, i) => generatedRecord(random, i));
  const json = Buffer.from(`{"Records":[${texts.join(",")}]}`);
  /** Byte offset in `json` just past each record. */
  const ends = texts.map((_, i) => Buffer.byteLength(`{"Records":[${texts.slice(0, i + 1).join(",")}`));
  const pieces = (buf: Buffer, size: number) => Array.from({ length: Math.ceil(buf.length / size) }, (_, i) => buf.subarray(i * size, (i + 1) * size));
  const run = async (chunks: Buffer[]) => {
    const { batcher, payloads } = collector();
    const report = await filterLogFile(Readable.from(chunks), file, changes, batcher);
    const ids: string[] = payloads().flatMap((p) => p.calls.map((c: any) => c.record.eventID));
    return { records: report.records, selected: report.selected, rejectedCount: report.rejectedCount, malformed: report.malformed, ids };
  };
  let whole: Awaited<ReturnType<typeof run>>;
  before(async () => {
    whole = await run([gzipSync(json)]);
    assert.deepEqual([whole.records, whole.rejectedCount, whole.malformed], [1500, 0, undefined]);
    assert.ok(whole.selected > 100);
  });

  it("reads concatenated gzip members (cut mid-record and mid-character) as the one file they make", async () => {
    const multiByte = json.indexOf(Buffer.from("日本")) + 1;
    const cuts = [0, 5, multiByte, 700_001, json.length];
    const members = Buffer.concat(cuts.slice(1).map((end, i) => gzipSync(json.subarray(cuts[i], end))));
    for (const size of [1000, 65_536, members.length]) assert.deepEqual(await run(pieces(members, size)), whole, `chunks of ${size}`);
  });

  it("reads a file with zero padding after its gzip data, even when the padding spans S3's chunks", async () => {
    const padded = Buffer.concat([gzipSync(json), Buffer.alloc(5000)]);
    assert.deepEqual(await run(pieces(padded, 4096)), whole);
  });

  it("reports a truncated file as such, having read and sent every record inflated before the cut", async () => {
    const gz = gzipSync(json);
    for (const cut of [8, 100, Math.floor(gz.length / 3), gz.length - 9, gz.length - 1]) {
      const truncated = gz.subarray(0, cut);
      // Records wholly within what zlib can inflate from the cut file.
      const inflated = gunzipSync(truncated, { finishFlush: constants.Z_SYNC_FLUSH }).length;
      const complete = ends.filter((end) => end <= inflated).length;
      for (const size of [16_384, cut]) {
        const r = await run(pieces(truncated, size));
        assert.equal(r.malformed, "not a gzip file (unexpected end of file)", `cut at ${cut}`);
        assert.equal(r.records, complete, `cut at ${cut}, chunks of ${size}`);
        assert.deepEqual(r.ids, whole.ids.filter((id) => Number(id.slice(4)) < complete));
      }
    }
  });

  it("reports a corrupt file with zlib's reason, having sent what was read before it", async () => {
    const gz = gzipSync(json);
    const reason = (input: Buffer) => {
      try {
        gunzipSync(input);
      } catch (err) {
        return (err as Error).message;
      }
      assert.fail("gunzipSync accepted the corrupt file");
    };
    /** Bytes a zlib gunzip stream (256 KiB chunks, the filter's before) emits before failing, fed chunk by chunk. */
    const emitted = async (chunks: Buffer[]) => {
      const gunzip = createGunzip({ chunkSize: 256 * 1024 });
      let bytes = 0;
      gunzip.on("data", (d: Buffer) => (bytes += d.length));
      const failed = new Promise((resolve) => gunzip.on("error", resolve));
      for (const chunk of chunks) if (!gunzip.destroyed) await Promise.race([failed, new Promise((written) => gunzip.write(chunk, written))]);
      gunzip.end();
      await failed;
      return bytes;
    };
    // The checksum at the end is wrong (the records inflate first), or the header is (none does).
    const badChecksum = Buffer.from(gz);
    badChecksum[gz.length - 6] ^= 0x55;
    const badHeader = Buffer.from(gz);
    badHeader[1] ^= 0x55;
    const read: number[] = [];
    for (const input of [badChecksum, badHeader]) {
      const chunks = pieces(input, 16_384);
      const r = await run(chunks);
      assert.equal(r.malformed, `not a gzip file (${reason(input)})`);
      // The records the stream's output held: a failing write's output is never handed over.
      const streamed = await emitted(chunks);
      const complete = ends.filter((end) => end <= streamed).length;
      assert.equal(r.records, complete);
      assert.deepEqual(r.ids, whole.ids.filter((id) => Number(id.slice(4)) < complete));
      read.push(r.records);
    }
    assert.ok(read[0] > 1400 && read[1] === 0, `records read: ${read.join(", ")}`);
  });
});

describe("ApiActivityAlerts file filtering: the report's rejections", () => {
  it("keeps the first 100 rejections, in file order, and counts them all", async () => {
    const records = Array.from({ length: 150 }, (_, i) => `{"eventName":"bad${i}",}`);
    const { batcher } = collector();
    const report = await filterLogFile(Readable.from([gzipText(`{"Records":[${records.join(",")}]}`)]), file, changes, batcher);
    assert.equal(report.rejectedCount, 150);
    assert.equal(report.rejected.length, 100);
    assert.deepEqual(report.rejected.map((r) => r.index), Array.from({ length: 100 }, (_, i) => i));
    assert.match(report.rejected[99].reason, /^not valid JSON \(.+\)$/);
  });
});
