import { FieldReader, describe, field, isObject, isValidBucketName, isValidObjectKey, parseJsonText, path, REGION, toNumber } from "./fields";
import { fail, guarded, ok, type ParseResult } from "./result";

/**
 * The outcome of a malware scan, whoever scanned. `clean` only for a complete scan without findings: a partial scan
 * without findings is `unsupported` (the scanner could not read all of it), a scanner error is `failed`.
 */
export type ScanVerdict = "clean" | "malicious" | "failed" | "unsupported";

export interface FileScanResult {
  bucket: string;
  /** The object key, decoded. */
  key: string;
  region?: string;
  etag?: string;
  versionId?: string;
  verdict: ScanVerdict;
  findings: Array<{ malware: string; type?: string }>;
  scannerStatus?: number;
  statusMessage?: string;
  /** ISO-8601. */
  scannedAt?: string;
  /** The scanner reported a partial scan (detail codes 100–199). */
  partial: boolean;
  /** Who scanned: this parser gives "file-storage-security"; parseMalwareProtectionEvent the other. */
  source: "file-storage-security" | "guardduty-malware-protection";
}

/** Bucket, key and Region from an S3 URL, virtual-hosted or path-style; the key in the URL is percent-encoded. */
export function parseS3Url(url: string): { bucket: string; key: string; region?: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:" && u.protocol !== "s3:") return undefined;
  let bucket: string | undefined;
  let rawKey: string;
  let region: string | undefined;
  if (u.protocol === "s3:") {
    bucket = u.hostname;
    rawKey = u.pathname.slice(1);
  } else {
    const host = u.hostname.toLowerCase();
    const m = /^(?:(.+)\.)?s3(?:[.-](?:dualstack\.)?([a-z0-9-]+))?\.amazonaws\.com(?:\.cn)?$/.exec(host);
    if (!m) return undefined;
    region = m[2] && REGION.test(m[2]) ? m[2] : undefined;
    if (m[1]) {
      bucket = m[1];
      rawKey = u.pathname.slice(1);
    } else {
      const slash = u.pathname.indexOf("/", 1);
      if (slash < 0) return undefined;
      bucket = decodeSafe(u.pathname.slice(1, slash));
      rawKey = u.pathname.slice(slash + 1);
    }
  }
  const key = decodeSafe(rawKey);
  if (bucket === undefined || key === undefined) return undefined;
  return { bucket, key, region };
}

function decodeSafe(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads a File Storage Security scan result (one JSON object per SNS message): the classic Cloud One shape
 * (`scanner_status`, `scanning_result.Findings`) and the Vision One shape (`scanResult`, `foundMalwares`).
 */
export function parseFileStorageScanResult(message: string): ParseResult<FileScanResult> {
  return guarded("File Storage Security result", () => {
    const parsed = parseJsonText(message);
    if ("error" in parsed) return fail(`File Storage Security result: ${parsed.error}`);
    const msg = parsed.value;
    if (!isObject(msg)) return fail(`File Storage Security result is not a JSON object (got ${describe(msg)})`);
    const r = new FieldReader(msg);

    const fileUrl = r.text("file_url");
    const fromUrl = fileUrl !== undefined && fileUrl.length <= 4096 ? parseS3Url(fileUrl) : undefined;
    if (fileUrl !== undefined && !fromUrl) return fail(`file_url is not an S3 object URL: ${describe(fileUrl)}`);
    const bucketField = r.text("bucket");
    const bucket = fromUrl?.bucket ?? bucketField;
    const key = fromUrl?.key ?? r.text("object_key") ?? r.text("key");
    if (bucketField !== undefined && fromUrl && bucketField !== fromUrl.bucket) {
      return fail(`bucket ${describe(bucketField)} disagrees with file_url bucket ${describe(fromUrl.bucket)}`);
    }
    if (!isValidBucketName(bucket)) return fail(`no valid bucket name (${describe(bucket)})`);
    if (!isValidObjectKey(key)) return fail(`no valid object key (empty, over 1024 bytes or missing)`);
    const region = r.matching("bucket_region", REGION, "an AWS Region") ?? fromUrl?.region;

    const scannerStatus = r.number("scanner_status", { min: -1000, max: 1000, integer: true });
    const statusMessage = r.text("scanner_status_message");
    const findings: Array<{ malware: string; type?: string }> = [];
    let verdict: ScanVerdict;
    let partial = false;

    const visionOne = field(msg, "scanResult");
    if (visionOne !== undefined && visionOne !== null) {
      const code = toNumber(visionOne);
      const found = field(msg, "foundMalwares");
      if (found !== undefined && found !== null && !Array.isArray(found)) r.error("foundMalwares is not a list");
      for (const f of Array.isArray(found) ? found : []) {
        const name = field(f, "malwareName");
        if (typeof name !== "string" || name === "") r.error(`foundMalwares entry without malwareName (${describe(f)})`);
        else findings.push({ malware: name });
      }
      if (findings.length > 0 || code === 1) verdict = "malicious";
      else if (code === 0 && (scannerStatus === undefined || scannerStatus === 0)) verdict = "clean";
      else verdict = "failed";
      if (code === 1 && findings.length === 0) findings.push({ malware: "unknown" });
    } else {
      const result = field(msg, "scanning_result");
      if (!isObject(result)) return fail("neither scanning_result nor scanResult present: not a scan result");
      const rawFindings = field(result, "Findings");
      if (!Array.isArray(rawFindings)) return fail("scanning_result.Findings is not a list");
      for (const f of rawFindings) {
        const name = field(f, "malware");
        const type = field(f, "type");
        if (typeof name !== "string" || name === "") r.error(`Findings entry without malware name (${describe(f)})`);
        else findings.push(typeof type === "string" && type !== "" ? { malware: name, type } : { malware: name });
      }
      const codes = field(result, "Codes");
      partial = Array.isArray(codes) && codes.some((c) => {
        const n = toNumber(c);
        return n !== undefined && n >= 100 && n <= 199;
      });
      const error = field(result, "Error");
      const hasError = typeof error === "string" ? error.trim() !== "" : error !== undefined && error !== null;
      if (scannerStatus === undefined) r.error("scanner_status is missing");
      if (findings.length > 0) verdict = "malicious";
      else if (scannerStatus !== 0 || hasError) verdict = "failed";
      else verdict = partial ? "unsupported" : "clean";
    }
    if (r.errors.length > 0) return fail(r.errors.join("; "));

    const seconds = toNumber(field(msg, "timestamp"));
    const scannedAt = seconds !== undefined && seconds > 0 && seconds < 1e11 ? new Date(seconds * 1000).toISOString() : r.timestamp("scanTimestamp");
    const etag = path(msg, "file_attributes", "etag");
    const versionId = field(msg, "version_id") ?? path(msg, "file_attributes", "version_id");
    const value: FileScanResult = { bucket: bucket!, key: key!, verdict, findings, partial, source: "file-storage-security" };
    if (region !== undefined) value.region = region;
    if (typeof etag === "string" && etag !== "") value.etag = etag;
    if (typeof versionId === "string" && versionId !== "") value.versionId = versionId;
    if (scannerStatus !== undefined) value.scannerStatus = scannerStatus;
    if (statusMessage !== undefined) value.statusMessage = statusMessage;
    if (scannedAt !== undefined) value.scannedAt = scannedAt;
    return ok(value);
  });
}
