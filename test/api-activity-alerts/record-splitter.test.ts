import fc from "fast-check";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MalformedFileError, RecordSplitter } from "../../components/api-activity-alerts/lambda/record-splitter";

const fixture = readFileSync(join(__dirname, "../../components/api-activity-alerts/fixtures/records.json"), "utf8");

/** Feeds `text`'s UTF-8 bytes in chunks of the given sizes (cycled) and collects everything the splitter produced. */
function split(text: string, sizes?: number[], maxRecordBytes?: number) {
  const bytes = Buffer.from(text, "utf8");
  const splitter = new RecordSplitter(maxRecordBytes);
  const records: Array<{ index: number; value: unknown }> = [];
  const rejected: Array<{ index: number; reason: string }> = [];
  let at = 0;
  let n = 0;
  while (at < bytes.length) {
    const size = Math.max(1, (sizes ?? [bytes.length])[n++ % (sizes ?? [0]).length]);
    const out = splitter.push(bytes.subarray(at, at + size));
    at += size;
    records.push(...out.records.map((r) => ({ index: r.index, value: JSON.parse(r.text) })));
    rejected.push(...out.rejected);
  }
  splitter.end();
  return { records, rejected };
}

describe("RecordSplitter", () => {
  it("yields exactly the records JSON.parse sees, whatever the chunk boundaries", () => {
    const expected = JSON.parse(fixture).Records;
    for (const size of [1, 2, 3, 7, 64, 1000, fixture.length]) {
      const { records, rejected } = split(fixture, [size]);
      assert.deepEqual(records.map((r) => r.value), expected, `chunks of ${size}`);
      assert.deepEqual(records.map((r) => r.index), expected.map((_: unknown, i: number) => i));
      assert.deepEqual(rejected, []);
    }
  });

  it("agrees with JSON.parse on arbitrary records and chunkings (property)", () => {
    // Keys of any UTF-16 code units (lone surrogates, quotes, backslashes, brackets) and any JSON values.
    const record = fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (recs, sizes, pretty) => {
        const text = pretty ? JSON.stringify({ before: { Records: "no" }, Records: recs, after: [1, "]"] }, null, 2) : JSON.stringify({ Records: recs });
        const { records, rejected } = split(text, sizes);
        assert.deepEqual(records.map((r) => r.value), JSON.parse(text).Records);
        assert.deepEqual(rejected, []);
      }),
      { numRuns: 300 },
    );
  });

  it("is not fooled by brackets, quotes and escapes inside strings or by keys that look like Records", () => {
    const text = '{"x\\"Records":[{"no":1}],"Records":[{"a":"}]\\\\","b":"\\"{["},{"c":"\\u005d"}]}';
    const { records } = split(text, [1]);
    assert.deepEqual(records.map((r) => r.value), [{ a: "}]\\", b: '"{[' }, { c: "]" }]);
  });

  it("cuts no character: multi-byte text split at every byte boundary reads back whole", () => {
    const records = [{ note: "日本語のタグ", emoji: "🚀 launch", mixed: "é\"\u00e9}{" }, { "clé 🔑": ["ü", { "深い": "値" }] }];
    const text = JSON.stringify({ Records: records });
    const bytes = Buffer.byteLength(text);
    for (let cut = 1; cut < bytes; cut++) {
      const { records: got } = split(text, [cut, bytes]);
      assert.deepEqual(got.map((r) => r.value), records, `first chunk of ${cut} bytes`);
    }
  });

  it("reads a record spanning many chunks, an escape cut from what it escapes, and empty chunks", () => {
    const long = { pad: "x\\".repeat(3000), quote: 'a"b\\"c', end: "}]" };
    const text = JSON.stringify({ Records: [{ a: 1 }, long, { b: "\\" }] });
    for (const sizes of [[1], [2], [7, 0, 1], [100, 0]]) {
      const splitter = new RecordSplitter();
      const got: unknown[] = [];
      const bytes = Buffer.from(text);
      let at = 0;
      let n = 0;
      while (at < bytes.length) {
        const size = sizes[n++ % sizes.length];
        got.push(...splitter.push(bytes.subarray(at, at + size)).records.map((r) => JSON.parse(r.text)));
        at += size;
      }
      splitter.end();
      assert.deepEqual(got, [{ a: 1 }, long, { b: "\\" }], `chunks of ${sizes.join(",")}`);
    }
  });

  it("does not keep a huge top-level key", () => {
    const text = `{"${"k".repeat(100_000)}":1,"Records":[{"a":1}]}`;
    const splitter = new RecordSplitter();
    let held = 0;
    for (let i = 0; i < text.length; i += 1000) {
      splitter.push(Buffer.from(text.slice(i, i + 1000)));
      held = Math.max(held, splitter.heldLength);
    }
    splitter.end();
    assert.ok(held < 4096, `held ${held} characters of the key`);
    assert.deepEqual(split(text, [1000]).records.map((r) => r.value), [{ a: 1 }]);
  });

  it("rejects elements that are not objects, by index, and keeps the others", () => {
    const { records, rejected } = split('{"Records":[{"a":1},"text",42,[1,2],null,,{"b":2}]}', [5]);
    assert.deepEqual(records.map((r) => [r.index, r.value]), [[0, { a: 1 }], [6, { b: 2 }]]);
    assert.deepEqual(rejected.map((r) => r.index), [1, 2, 3, 4, 5]);
    assert.match(rejected[0].reason, /string/);
    assert.match(rejected[4].reason, /empty element/);
  });

  it("names each kind of element it rejects", () => {
    const { records, rejected } = split('{"Records":[{"a":1} {"b":2},"s",[1],7,,{"c":3}]}', [3]);
    assert.deepEqual(records.map((r) => [r.index, r.value]), [[0, { a: 1 }], [6, { c: 3 }]]);
    assert.deepEqual(rejected, [
      { index: 1, reason: "two records without a comma between them" },
      { index: 2, reason: "the record is a string, not an object" },
      { index: 3, reason: "the record is an array, not an object" },
      { index: 4, reason: "the record is not an object" },
      { index: 5, reason: "the Records array has an empty element" },
    ]);
  });

  it("rejects a record over the size limit without keeping it", () => {
    const big = JSON.stringify({ Records: [{ a: 1 }, { pad: "x".repeat(5000) }, { c: 3 }] });
    const { records, rejected } = split(big, [100], 1000);
    assert.deepEqual(records.map((r) => r.value), [{ a: 1 }, { c: 3 }]);
    assert.deepEqual(rejected.map((r) => r.index), [1]);
    assert.match(rejected[0].reason, /longer than 1000 bytes/);
  });

  const badFiles: Array<[string, RegExp]> = [
    ["", /empty/],
    ["   ", /empty/],
    ["not json", /not JSON/],
    ["[1,2]", /not one JSON object/],
    ['{"Records":{}}', /not an array/],
    ['{"other":[]}', /no "Records" array/],
    ['{"Records":[{"a":1}', /truncated/],
    ['{"Records":[{"a":"unterminated', /truncated/],
    ['{"Records":[]} {"Records":[]}', /not one JSON object/],
    ['{"Records":[]} x', /content after/],
    ['{"Records":[],"Records":[]}', /two "Records" arrays/],
    ['{"Records":[]}}', /more brackets/],
  ];
  for (const [text, message] of badFiles) {
    it(`refuses the file ${JSON.stringify(text)}`, () => {
      assert.throws(() => split(text, [3]), (err: Error) => err instanceof MalformedFileError && message.test(err.message));
    });
  }
});
