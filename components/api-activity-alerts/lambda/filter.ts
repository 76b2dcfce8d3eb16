import { forEachGunzipped } from "../../shared/runtime/gunzip";
import type { LogFile, MessageBatcher, Rejection } from "./messages";
import { MalformedFileError, RecordSplitter } from "./record-splitter";
import type { CloudTrailRecord, RuleSet } from "./rules";

/** What happened to one CloudTrail file: counts, and why records (or the whole file) could not be read. */
export interface FileReport {
  readonly file: LogFile;
  readonly records: number;
  readonly selected: number;
  /** The first rejections (at most 100), each with the record's index in the file. */
  readonly rejected: Rejection[];
  readonly rejectedCount: number;
  /** Why the file as a whole could not be read (not gzip, not a CloudTrail JSON document, truncated). */
  readonly malformed?: string;
}

const KEPT_REJECTIONS = 100;
const LOG_KEY = /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?(\d{12})\/CloudTrail\/([a-z]{2}(?:-[a-z]+)+-\d{1,2})\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json\.gz$/;

/**
 * Whether a key is a CloudTrail log file: the `/CloudTrail/` segment (not `CloudTrail-Digest/` or
 * `CloudTrail-Insight/`, which also end in `.json.gz`), and the account and Region the key names.
 */
export function cloudTrailLogFile(bucket: string, key: string): LogFile | undefined {
  if (!key.includes("/CloudTrail/") || !key.endsWith(".json.gz")) return undefined;
  const m = LOG_KEY.exec(key);
  return { bucket, key, ...(m ? { accountId: m[1], region: m[2] } : {}) };
}

/**
 * Streams one gzip CloudTrail file through the rules: gunzip into one fixed buffer, split records incrementally from
 * it, parse each record alone, select, and hand matches to the batcher (which sends as it goes). Memory stays flat
 * whatever the file's size; a bad record is counted and skipped, a bad file is reported in the result, never thrown.
 */
export async function filterLogFile(body: AsyncIterable<Uint8Array>, file: LogFile, rules: RuleSet, batcher: MessageBatcher): Promise<FileReport> {
  const splitter = new RecordSplitter();
  const rejected: Rejection[] = [];
  let rejectedCount = 0;
  let records = 0;
  let selected = 0;
  const reject = (r: Rejection) => {
    rejectedCount++;
    if (rejected.length < KEPT_REJECTIONS) rejected.push(r);
  };
  // The splitter copies what it keeps of the bytes (an unfinished record). Output goes on after each piece until the
  // buffer is full, as a zlib stream's does, so a failing write (whose output is never handed over) loses the same.
  const consume = async (out: Buffer, from: number, end: number) => {
    const split = splitter.push(out.subarray(from, end));
    split.rejected.forEach(reject);
    for (const { index, text: recordText } of split.records) {
      records++;
      // The splitter captures `{…}` elements only (it rejects the others): what parses is an object.
      let record: CloudTrailRecord;
      try {
        record = JSON.parse(recordText) as CloudTrailRecord;
      } catch (err) {
        // Stryker disable next-line MethodExpression: equivalent on Node.js, whose JSON.parse messages stay under 80 characters (a guard for the report's width)
        reject({ index, reason: `not valid JSON (${(err as Error).message.slice(0, 80)})` });
        continue;
      }
      const selection = rules.select(record);
      if (selection) {
        selected++;
        await batcher.add({ record, text: recordText, rules: selection.rules });
      }
    }
    return end < out.length ? end : 0;
  };
  let malformed: string | undefined;
  try {
    await forEachGunzipped(body, consume);
    splitter.end();
  } catch (err) {
    if (err instanceof MalformedFileError) malformed = err.message;
    else if ((err as NodeJS.ErrnoException).code?.startsWith("Z_")) malformed = `not a gzip file (${(err as Error).message})`;
    else throw err;
  }
  if (malformed) reject({ index: -1, reason: `file: ${malformed}` });
  rejected.sort((a, b) => a.index - b.index);
  await batcher.finish(rejected, rejectedCount);
  return { file, records, selected, rejected, rejectedCount, ...(malformed ? { malformed } : {}) };
}
