/**
 * An incremental splitter for CloudTrail files (`{"Records":[{…},{…}]}`): gunzipped bytes go in chunk by chunk, the
 * text of each complete record comes out, and only the record being read is kept in memory. A file of tens of MB is
 * thus read with flat memory, each record parsed on its own (so one bad record is rejected alone). It tracks only JSON
 * structure (depth, strings, escapes) on the raw bytes: every structural character is ASCII and no byte of a
 * multi-byte UTF-8 character is, so only each record's own bytes are ever decoded, and a character cut by a chunk
 * boundary is whole again in the record. Each record's text is validated by JSON.parse afterwards.
 */

export class MalformedFileError extends Error {
  override name = "MalformedFileError";
}

export interface SplitResult {
  /** Texts of complete records, in file order, with their index in the Records array. */
  readonly records: Array<{ index: number; text: string }>;
  /** Elements of the Records array that cannot be records (not an object, or over the size limit). */
  readonly rejected: Array<{ index: number; reason: string }>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MAX_KEY_BYTES = 1024;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class RecordSplitter {
  private depth = 0;
  private inString = false;
  private escapePending = false;
  private topOpened = false;
  private topClosed = false;
  private expectKey = false;
  /** Whether a top-level key is being read (its bytes are captured like a record's). */
  private inKey = false;
  private currentKey: string | undefined;
  private valueKey: string | undefined;
  private inRecords = false;
  private recordsSeen = false;
  /** Whether a record is being read. */
  private capturing = false;
  private captureIndex = 0;
  private oversized = false;
  private elementStarted = false;
  private nextIndex = 0;
  /** Bytes of the record (or top-level key) being read that arrived in earlier chunks (copies: chunks are not kept). */
  private held: Buffer[] = [];
  private heldBytes = 0;

  /** `maxRecordBytes`: a record longer than this is rejected without being kept (CloudTrail records are far smaller). */
  constructor(private readonly maxRecordBytes = 4 * 1024 * 1024) {}

  /** Feeds the next chunk of bytes; returns the records completed by it. Throws MalformedFileError on a non-CloudTrail file. */
  push(chunk: Uint8Array): SplitResult {
    const out: SplitResult = { records: [], rejected: [] };
    if (chunk.length === 0) return out;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const start = this.scan(buf, out);
    if (start >= 0) this.hold(buf, start);
    return out;
  }

  /** Declares the end of the file; throws MalformedFileError when it ended early or held no Records array. */
  end(): void {
    if (!this.topOpened) throw new MalformedFileError("the file is empty");
    if (this.inString || this.depth !== 0 || !this.topClosed) throw new MalformedFileError("the file ends in the middle of its JSON (truncated)");
    if (!this.recordsSeen) throw new MalformedFileError('the file has no "Records" array');
  }

  /** Bytes held between chunks (the unfinished record or key); at most one record's limit plus one chunk. */
  get heldLength(): number {
    return this.heldBytes;
  }

  /** Keeps the unfinished record's (or key's) bytes from `start` to the chunk's end, within their limits. */
  private hold(buf: Buffer, start: number): void {
    const limit = this.inKey ? MAX_KEY_BYTES : this.maxRecordBytes;
    if (this.heldBytes + buf.length - start > limit) {
      // A record past the limit is rejected when it ends; a top-level key that long is no "Records".
      if (this.inKey) {
        this.inKey = false;
        this.currentKey = "";
      } else {
        this.capturing = false;
        this.oversized = true;
      }
      this.release();
      return;
    }
    this.held.push(Buffer.from(buf.subarray(start)));
    this.heldBytes += buf.length - start;
  }

  private release(): void {
    this.held = [];
    this.heldBytes = 0;
  }

  /** The captured bytes from earlier chunks plus `buf[start, end)`, decoded. */
  private captured(buf: Buffer, start: number, end: number): string {
    if (this.held.length === 0) return buf.toString("utf8", start, end);
    const text = Buffer.concat([...this.held, buf.subarray(start, end)]).toString("utf8");
    this.release();
    return text;
  }

  /** An element of the Records array starts here: returns its index. */
  private startElement(): number {
    this.elementStarted = true;
    return this.nextIndex++;
  }

  /**
   * Inside a record (or any value nested below its elements) only strings and brackets matter: skips from `i` to the
   * bracket that closes back to the Records array's level (returned, depth left for the caller to close), or to the
   * chunk's end (state kept for the next chunk). Most of a file's bytes pass here.
   */
  private skipNested(buf: Buffer, i: number): number {
    const len = buf.length;
    let depth = this.depth;
    while (i < len) {
      const c = buf[i];
      if (c === QUOTE) {
        i++;
        while (i < len) {
          const s = buf[i];
          if (s === QUOTE) break;
          i += s === BACKSLASH ? 2 : 1;
        }
        if (i >= len) {
          this.inString = true;
          this.escapePending = i > len;
          this.depth = depth;
          return len;
        }
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (depth === 3) break;
        depth--;
      }
      i++;
    }
    this.depth = depth;
    return i;
  }

  /** Scans one chunk; returns where the unfinished record or key begins in it (0 when it began earlier), or -1. */
  private scan(buf: Buffer, out: SplitResult): number {
    const len = buf.length;
    // Where the record or key being read begins in this chunk.
    let start = this.capturing || this.inKey ? 0 : -1;
    let i = 0;
    if (this.escapePending) {
      this.escapePending = false;
      i = 1;
    }
    while (i < len) {
      if (this.inString) {
        // Strings are most of a record's bytes: skip them with the least work per byte.
        while (i < len) {
          const s = buf[i];
          if (s === QUOTE) break;
          i += s === BACKSLASH ? 2 : 1;
        }
        if (i >= len) {
          this.escapePending = i > len;
          break;
        }
        this.inString = false;
        if (this.inKey) {
          // The held bytes begin with the key's opening quote.
          this.currentKey = this.held.length === 0 ? buf.toString("utf8", start + 1, i) : this.captured(buf, start, i).slice(1);
          this.inKey = false;
          start = -1;
        }
        i++;
        continue;
      }
      if (this.depth > 2) {
        // Lands on the bracket closing the record (handled below) or at the chunk's end.
        i = this.skipNested(buf, i);
        if (i >= len) break;
      }
      const c = buf[i];
      const atElement = this.depth === 2 && this.inRecords;
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.expectKey) {
          this.inKey = true;
          start = i;
          this.expectKey = false;
        } else if (atElement && !this.elementStarted) {
          out.rejected.push({ index: this.startElement(), reason: "the record is a string, not an object" });
        }
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (this.depth === 0) {
          if (this.topOpened || c !== OPEN_OBJECT) throw new MalformedFileError("the file is not one JSON object");
          this.topOpened = true;
          this.expectKey = true;
        } else if (this.depth === 1 && this.valueKey === "Records") {
          if (c !== OPEN_ARRAY) throw new MalformedFileError('"Records" is not an array');
          if (this.recordsSeen) throw new MalformedFileError('the file has two "Records" arrays');
          this.inRecords = true;
          this.recordsSeen = true;
        } else if (atElement) {
          if (this.elementStarted) {
            out.rejected.push({ index: this.startElement(), reason: "two records without a comma between them" });
          } else if (c === OPEN_OBJECT) {
            this.captureIndex = this.startElement();
            this.capturing = true;
            this.oversized = false;
            start = i;
          } else {
            out.rejected.push({ index: this.startElement(), reason: "the record is an array, not an object" });
          }
        }
        this.depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        this.depth--;
        if (this.depth < 0) throw new MalformedFileError("the file closes more brackets than it opens");
        if (this.depth === 0) {
          this.topClosed = true;
        } else if (this.depth === 1 && this.inRecords) {
          this.inRecords = false;
        } else if (this.depth === 2 && this.inRecords && (this.capturing || this.oversized)) {
          if (this.capturing && this.heldBytes + i + 1 - start <= this.maxRecordBytes) {
            out.records.push({ index: this.captureIndex, text: this.captured(buf, start, i + 1) });
          } else {
            this.release();
            out.rejected.push({ index: this.captureIndex, reason: `the record is longer than ${this.maxRecordBytes} bytes` });
          }
          this.capturing = false;
          this.oversized = false;
          start = -1;
        }
      } else if (c === COMMA) {
        if (this.depth === 1) {
          this.expectKey = true;
          this.valueKey = undefined;
        } else if (atElement) {
          if (!this.elementStarted) out.rejected.push({ index: this.startElement(), reason: "the Records array has an empty element" });
          this.elementStarted = false;
        }
      } else if (c === COLON) {
        if (this.depth === 1) this.valueKey = this.currentKey;
      } else if (!isWhitespace(c)) {
        if (this.depth === 0) throw new MalformedFileError(this.topOpened ? "the file has content after its JSON object" : "the file is not JSON");
        if (atElement && !this.elementStarted) out.rejected.push({ index: this.startElement(), reason: "the record is not an object" });
      }
      i++;
    }
    return start;
  }
}
