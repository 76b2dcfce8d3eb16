import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { constants, createGunzip, gunzipSync, gzipSync } from "node:zlib";
import { forEachGunzipped, type GunzipOutput } from "../../components/shared/runtime/gunzip";

// zlib.gunzipSync is the oracle: the fixed-buffer reader drives the same native handle, chunk by chunk.

/** Text that compresses to many gzip bytes (random words), so small input chunks still give many pieces of output. */
function sample(bytes: number, seed = 1): Buffer {
  let x = seed;
  const words: string[] = [];
  let n = 0;
  while (n < bytes) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const w = `${(x % 100_000).toString(36)}${x % 7 === 0 ? " é日本\n" : " "}`;
    words.push(w);
    n += Buffer.byteLength(w);
  }
  return Buffer.from(words.join("")).subarray(0, bytes);
}

function pieces(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

interface Read {
  output: Buffer;
  error?: NodeJS.ErrnoException;
  calls: number;
  /** The largest piece handed over. */
  largest: number;
}

/**
 * Everything the reader hands over (copied), and what it threw. `fill`: the consumer keeps every piece until the
 * buffer is full (as the CloudTrail filter does), so output fills the buffer as a zlib stream's does.
 */
async function read(chunks: Uint8Array[], bufferBytes?: number, fill = false): Promise<Read> {
  const got: Buffer[] = [];
  let calls = 0;
  let largest = 0;
  try {
    await forEachGunzipped(
      Readable.from(chunks),
      (out, from, end) => {
        assert.ok(end > from, "only new output is handed over, never an empty piece");
        calls++;
        largest = Math.max(largest, end - from);
        got.push(Buffer.from(out.subarray(from, end)));
        return fill && end < out.length ? end : 0;
      },
      bufferBytes,
    );
    return { output: Buffer.concat(got), calls, largest };
  } catch (err) {
    return { output: Buffer.concat(got), error: err as NodeJS.ErrnoException, calls, largest };
  }
}

/** A zlib gunzip stream fed the chunks one at a time (each written once the last is inflated): what it emits. */
async function viaStream(chunks: Buffer[], chunkSize: number): Promise<Read> {
  const gunzip = createGunzip({ chunkSize });
  const got: Buffer[] = [];
  gunzip.on("data", (d: Buffer) => got.push(d));
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    gunzip.on("error", resolve);
    gunzip.on("end", () => resolve(undefined));
    void (async () => {
      for (const chunk of chunks) {
        if (gunzip.destroyed) return;
        await new Promise((written) => gunzip.write(chunk, written));
      }
      gunzip.end();
    })();
  });
  return { output: Buffer.concat(got), error, calls: got.length, largest: Math.max(0, ...got.map((d) => d.length)) };
}

function gunzipError(gz: Buffer): NodeJS.ErrnoException {
  try {
    gunzipSync(gz);
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  assert.fail("gunzipSync accepted the input");
}

describe("fixed-buffer gunzip (shared by the CloudTrail filter and the access-log parser)", () => {
  const plain = sample(700_000);
  const gz = gzipSync(plain);

  it("hands over exactly gunzipSync's output, in pieces no larger than its buffer, whatever the input chunks", async () => {
    for (const size of [1, 13, 4096, 65_536, gz.length]) {
      const chunks = size === 1 ? pieces(gz.subarray(0, 3000), 1).concat([gz.subarray(3000)]) : pieces(gz, size);
      const r = await read(chunks, 64 * 1024);
      assert.equal(r.error, undefined);
      assert.ok(r.output.equals(plain), `input chunks of ${size}`);
      // A piece is a write's output: the buffer's size at most, reached when one input chunk inflates to more.
      assert.ok(size === gz.length ? r.largest === 64 * 1024 : r.largest <= 64 * 1024, `largest piece ${r.largest}`);
    }
  });

  it("reads concatenated gzip members as one stream, members ending anywhere in the input chunks", async () => {
    const cuts = [0, 1, 5000, 350_001, plain.length];
    const members = cuts.slice(1).map((end, i) => gzipSync(plain.subarray(cuts[i], end)));
    const joined = Buffer.concat([...members, gzipSync(Buffer.alloc(0))]);
    assert.ok(gunzipSync(joined).equals(plain));
    for (const size of [7, 1000, members[0].length + members[1].length, joined.length]) {
      const r = await read(pieces(joined, size));
      assert.equal(r.error, undefined);
      assert.ok(r.output.equals(plain), `input chunks of ${size}`);
    }
  });

  it("ignores zero padding after the last member, as gunzipSync does, even when it spans input chunks", async () => {
    const padded = Buffer.concat([gz, Buffer.alloc(300)]);
    assert.ok(gunzipSync(padded).equals(plain));
    for (const size of [100, 4096]) {
      const r = await read(pieces(padded, size));
      assert.equal(r.error, undefined);
      assert.ok(r.output.equals(plain));
    }
  });

  it("fails a truncated stream with gunzipSync's error, after handing over all that could be inflated", async () => {
    for (const cut of [0, 5, 10, 11, 2000, gz.length - 8, gz.length - 1]) {
      const truncated = gz.subarray(0, cut);
      const expected = gunzipError(truncated);
      // What zlib can inflate from the cut input: gunzipSync without insisting on the end.
      const inflatable = gunzipSync(truncated, { finishFlush: constants.Z_SYNC_FLUSH });
      for (const size of [997, 65_536]) {
        const r = await read(pieces(truncated, size));
        assert.deepEqual([r.error?.code, r.error?.message], [expected.code, expected.message], `cut at ${cut}`);
        assert.deepEqual([r.error?.code, r.error?.message], ["Z_BUF_ERROR", "unexpected end of file"]);
        assert.ok(r.output.equals(inflatable), `cut at ${cut}: ${r.output.length} of ${inflatable.length} bytes`);
        const stream = await viaStream(pieces(truncated, size), 64 * 1024);
        const filled = await read(pieces(truncated, size), 64 * 1024, true);
        assert.deepEqual([filled.output, filled.error?.message], [stream.output, stream.error?.message]);
      }
    }
  });

  it("fails corrupt input and trailing garbage with gunzipSync's error, having handed over what a zlib stream emits first", async () => {
    const corrupt = (at: number) => {
      const c = Buffer.from(gz);
      c[at] ^= 0x55;
      return c;
    };
    const cases = [corrupt(5000), corrupt(200_000), corrupt(gz.length - 6), Buffer.from("plain text, not gzip"), Buffer.concat([gz, Buffer.from("garbage")]), Buffer.concat([gz.subarray(0, 20), randomBytes(64)])];
    for (const input of cases) {
      const expected = gunzipError(input);
      for (const size of [512, 30_000, input.length]) {
        const r = await read(pieces(input, size), 64 * 1024, true);
        assert.deepEqual([r.error?.code, r.error?.message], [expected.code, expected.message]);
        // The output of the write that fails is never handed over, as a zlib stream never emits it.
        const stream = await viaStream(pieces(input, size), 64 * 1024);
        assert.deepEqual([stream.error?.code, stream.error?.message], [expected.code, expected.message]);
        assert.ok(r.output.equals(stream.output), `${r.output.length} bytes handed over, the stream ${stream.output.length}`);
      }
    }
    const garbage = await read(pieces(Buffer.concat([gz, Buffer.from("garbage")]), 512));
    assert.ok(garbage.output.length > plain.length / 2 && plain.subarray(0, garbage.output.length).equals(garbage.output));
  });

  it("fails an empty stream as gunzipSync fails an empty input", async () => {
    const expected = gunzipError(Buffer.alloc(0));
    const r = await read([]);
    assert.deepEqual([r.error?.code, r.error?.message, r.calls], [expected.code, expected.message, 0]);
  });

  it("writes new output after the bytes the consumer keeps, and waits for a consumer's promise before reusing the buffer", async () => {
    // Keeps each piece's last 100 bytes (moved to the front), and answers after a macrotask.
    let previousTail: Buffer | undefined;
    const seen: Buffer[] = [];
    const onOutput: GunzipOutput = async (out, from, end) => {
      if (previousTail) assert.ok(out.subarray(0, from).equals(previousTail), "kept bytes intact at the buffer's start");
      else assert.equal(from, 0);
      seen.push(Buffer.from(out.subarray(from, end)));
      await new Promise((resolve) => setImmediate(resolve));
      const keep = Math.min(100, end);
      out.copyWithin(0, end - keep, end);
      previousTail = Buffer.from(out.subarray(0, keep));
      return keep;
    };
    await forEachGunzipped(Readable.from(pieces(gz, 4096)), onOutput, 8192);
    assert.ok(Buffer.concat(seen).equals(plain));
    assert.ok(seen.every((s) => s.length <= 8192 - 100 || s === seen[0]));
  });

  it("lets other tasks run while one large input chunk inflates (a whole file held in memory)", async () => {
    // A task queued before the read: it runs at the reader's first yield, which comes after the first full buffer.
    let ranAt: number | undefined;
    let pieces = 0;
    setImmediate(() => (ranAt = pieces));
    await forEachGunzipped(Readable.from([gz]), (out, _from, end) => {
      pieces++;
      return end < out.length ? end : 0;
    });
    assert.ok(pieces > 2, `${pieces} pieces`);
    assert.equal(ranAt, 1, "the queued task ran after the first full buffer, not after the whole file");
  });

  it("refuses a stream of strings instead of handing them to the native handle", async () => {
    await assert.rejects(() => forEachGunzipped(Readable.from(["not bytes"], { objectMode: true }), () => 0), { name: "TypeError", message: /gunzip reads bytes/ });
  });
});
