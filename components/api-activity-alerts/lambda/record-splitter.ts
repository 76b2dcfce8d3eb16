/**
 * An incremental splitter for CloudTrail files (`{"Records":[{…},{…}]}`): text goes in chunk by chunk, the text of
 * each complete record comes out, and only the record being read is kept in memory. A file of tens of MB is thus read
 * with flat memory, each record parsed on its own (so one bad record is rejected alone). It tracks only JSON structure
 * (depth, strings, escapes); each record's text is validated by JSON.parse afterwards.
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
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MAX_KEY_CHARS = 1024;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class RecordSplitter {
  private buf = "";
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escapePending = false;
  /** Index in `buf` of the next backslash at or after the scan position (-1: none in `buf`; -2: not searched yet). */
  private nextBackslash = -2;
  private topOpened = false;
  private topClosed = false;
  private expectKey = false;
  private keyStart = -1;
  private currentKey: string | undefined;
  private valueKey: string | undefined;
  private inRecords = false;
  private recordsSeen = false;
  private captureStart = -1;
  private captureIndex = 0;
  private oversized = false;
  private elementStarted = false;
  private nextIndex = 0;

  /** `maxRecordChars`: a record longer than this is rejected without being kept (CloudTrail records are far smaller). */
  constructor(private readonly maxRecordChars = 4 * 1024 * 1024) {}

  /** Feeds the next chunk of text; returns the records completed by it. Throws MalformedFileError on a non-CloudTrail file. */
  push(chunk: string): SplitResult {
    const out: SplitResult = { records: [], rejected: [] };
    this.buf += chunk;
    this.nextBackslash = -2;
    this.scan(out);
    this.compact();
    return out;
  }

  /** Declares the end of the file; throws MalformedFileError when it ended early or held no Records array. */
  end(): void {
    if (!this.topOpened) throw new MalformedFileError("the file is empty");
    if (this.inString || this.depth !== 0 || !this.topClosed) throw new MalformedFileError("the file ends in the middle of its JSON (truncated)");
    if (!this.recordsSeen) throw new MalformedFileError('the file has no "Records" array');
  }

  private compact(): void {
    // A top-level key is kept only while short: a huge one is no "Records" and must not grow memory.
    if (this.inString && this.keyStart >= 0 && this.buf.length - this.keyStart > MAX_KEY_CHARS) {
      this.keyStart = -1;
      this.currentKey = "";
    }
    let keep = this.buf.length;
    if (this.captureStart >= 0) keep = this.captureStart;
    if (this.inString && this.keyStart >= 0) keep = Math.min(keep, this.keyStart);
    if (keep === 0) return;
    this.buf = this.buf.slice(keep);
    this.pos -= keep;
    if (this.captureStart >= 0) this.captureStart -= keep;
    if (this.keyStart >= 0) this.keyStart -= keep;
  }

  private reject(out: SplitResult, index: number, reason: string): void {
    out.rejected.push({ index, reason });
  }

  /** An element of the Records array starts here: returns its index. */
  private startElement(): number {
    this.elementStarted = true;
    return this.nextIndex++;
  }

  private scan(out: SplitResult): void {
    const buf = this.buf;
    const len = buf.length;
    let i = this.pos;
    while (i < len) {
      if (this.inString) {
        if (this.escapePending) {
          this.escapePending = false;
          i++;
          continue;
        }
        // Jump between quotes and backslashes instead of visiting every character of a long string.
        if (this.nextBackslash !== -1 && this.nextBackslash < i) this.nextBackslash = buf.indexOf("\\", i);
        let quote = buf.indexOf('"', i);
        if (quote < 0) quote = len;
        if (this.nextBackslash !== -1 && this.nextBackslash < quote) {
          i = this.nextBackslash + 2;
          if (i > len) {
            this.escapePending = true;
            i = len;
          }
          continue;
        }
        if (quote === len) {
          i = len;
          break;
        }
        this.inString = false;
        if (this.keyStart >= 0) {
          this.currentKey = buf.slice(this.keyStart + 1, quote);
          this.keyStart = -1;
        }
        i = quote + 1;
        continue;
      }
      if (this.captureStart >= 0 && i - this.captureStart > this.maxRecordChars) {
        this.captureStart = -1;
        this.oversized = true;
      }
      const c = buf.charCodeAt(i);
      const atElement = this.depth === 2 && this.inRecords;
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.expectKey) {
          this.keyStart = i;
          this.expectKey = false;
        } else if (atElement && !this.elementStarted) {
          this.reject(out, this.startElement(), "the record is a string, not an object");
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
            this.reject(out, this.startElement(), "two records without a comma between them");
          } else if (c === OPEN_OBJECT) {
            this.captureIndex = this.startElement();
            this.captureStart = i;
            this.oversized = false;
          } else {
            this.reject(out, this.startElement(), "the record is an array, not an object");
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
        } else if (this.depth === 2 && this.inRecords && (this.captureStart >= 0 || this.oversized)) {
          if (this.captureStart >= 0) out.records.push({ index: this.captureIndex, text: buf.slice(this.captureStart, i + 1) });
          else this.reject(out, this.captureIndex, `the record is longer than ${this.maxRecordChars} characters`);
          this.captureStart = -1;
          this.oversized = false;
        }
      } else if (c === COMMA) {
        if (this.depth === 1) {
          this.expectKey = true;
          this.valueKey = undefined;
        } else if (atElement) {
          if (!this.elementStarted) this.reject(out, this.startElement(), "the Records array has an empty element");
          this.elementStarted = false;
        }
      } else if (c === COLON) {
        if (this.depth === 1) this.valueKey = this.currentKey;
      } else if (!isWhitespace(c)) {
        if (this.depth === 0) throw new MalformedFileError(this.topOpened ? "the file has content after its JSON object" : "the file is not JSON");
        if (atElement && !this.elementStarted) this.reject(out, this.startElement(), "the record is not an object");
      }
      i++;
    }
    this.pos = i;
  }
}
