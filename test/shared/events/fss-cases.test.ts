import { strict as assert } from "node:assert";
import { parseFileStorageScanResult, parseS3Url, type FileScanResult } from "../../../components/shared/events/file-storage-security";

// File Storage Security scan results field by field, each expectation from the documented message
// (../shared/reference/event-formats.md section 2): scanner_status 0 is a successful scan, -1 to -4 failures;
// Findings empty means clean; Codes 100-199 mean a partial scan; timestamp is epoch seconds; Vision One's scanResult
// is 0 clean, 1 malicious, 2 failed, with foundMalwares[].malwareName.
const URL_ = "https://filestoragesecurity-scanning-bucket-gw6i2g.s3.amazonaws.com/eicar.com";
const classic = (extra: Record<string, unknown> = {}, result: Record<string, unknown> = {}) =>
  JSON.stringify({ timestamp: 1600424846.74, file_url: URL_, scanner_status: 0, scanner_status_message: "successful scan", scanning_result: { TotalBytesOfFile: 68, Findings: [], Error: "", ...result }, ...extra });
const visionOne = (extra: Record<string, unknown> = {}) => JSON.stringify({ timestamp: 1600424846, file_url: URL_, scanResult: 0, foundMalwares: [], ...extra });
const base: FileScanResult = {
  bucket: "filestoragesecurity-scanning-bucket-gw6i2g",
  key: "eicar.com",
  verdict: "clean",
  findings: [],
  partial: false,
  source: "file-storage-security",
  scannerStatus: 0,
  statusMessage: "successful scan",
  scannedAt: "2020-09-18T10:27:26.740Z",
};
const read = (message: string) => {
  const r = parseFileStorageScanResult(message);
  if (!r.ok) assert.fail(r.reason);
  return { ...r.value };
};
const refused = (message: string, pattern: RegExp) => {
  const r = parseFileStorageScanResult(message);
  assert.equal(r.ok, false, message);
  if (!r.ok) assert.match(r.reason, pattern);
};

describe("File Storage Security scan results, field by field", () => {
  it("a complete scan without findings is clean, with every documented field read", () => {
    assert.deepEqual(read(classic()), base);
    const bare = read(classic({ scanner_status_message: undefined, timestamp: undefined }));
    assert.deepEqual(Object.keys(bare).sort(), ["bucket", "findings", "key", "partial", "scannerStatus", "source", "verdict"]);
  });

  it("findings make it malicious, keeping each malware name and its type when given", () => {
    assert.deepEqual(read(classic({}, { Findings: [{ malware: "Eicar_test_file", type: "Virus" }, { malware: "X97M", type: "" }, { malware: "Y", type: 7 }] })), {
      ...base,
      verdict: "malicious",
      findings: [{ malware: "Eicar_test_file", type: "Virus" }, { malware: "X97M" }, { malware: "Y" }],
    });
    // Findings win over a failed status: a scanner that found malware found it.
    assert.equal(read(classic({ scanner_status: -2 }, { Findings: [{ malware: "M" }] })).verdict, "malicious");
    refused(classic({}, { Findings: [{ type: "Virus" }] }), /Findings entry without malware name/);
    refused(classic({}, { Findings: [{ malware: "" }] }), /Findings entry without malware name/);
    refused(classic({}, { Findings: "none" }), /scanning_result\.Findings is not a list/);
    refused(classic({}, { Findings: undefined }), /Findings is not a list/);
  });

  it("detail codes 100 to 199 mark a partial scan, never clean; other codes do not", () => {
    for (const c of [100, 150, 199, "100", " 199 "]) assert.deepEqual(read(classic({}, { Codes: [c] })), { ...base, partial: true, verdict: "unsupported" }, String(c));
    for (const c of [99, 200, 0, -100, "1x0", null]) assert.deepEqual(read(classic({}, { Codes: [c] })), base, String(c));
    assert.deepEqual(read(classic({}, { Codes: [5, 120] })), { ...base, partial: true, verdict: "unsupported" });
    assert.deepEqual(read(classic({}, { Codes: 150 })), base, "Codes is a list");
    assert.deepEqual(read(classic({}, { Codes: [150], Findings: [{ malware: "M" }] })), { ...base, partial: true, verdict: "malicious", findings: [{ malware: "M" }] });
  });

  it("a failed scanner status or an error text is failed; blank or null errors are not errors", () => {
    for (const s of [-1, -2, -3, -4, 1]) assert.deepEqual(read(classic({ scanner_status: s })), { ...base, scannerStatus: s, verdict: "failed" }, String(s));
    assert.equal(read(classic({}, { Error: "timeout" })).verdict, "failed");
    assert.equal(read(classic({}, { Error: { code: 1 } })).verdict, "failed");
    assert.equal(read(classic({}, { Error: 0 })).verdict, "failed");
    assert.equal(read(classic({}, { Error: "   " })).verdict, "clean");
    assert.equal(read(classic({}, { Error: null })).verdict, "clean");
    assert.equal(read(classic({}, { Error: undefined })).verdict, "clean");
    refused(classic({ scanner_status: undefined }), /scanner_status is missing/);
    refused(classic({ scanner_status: 1.5 }), /scanner_status is not an integer in \[-1000, 1000\]/);
    refused(classic({ scanner_status: 1001 }), /scanner_status/);
    assert.equal(read(classic({ scanner_status: "-3" })).scannerStatus, -3);
  });

  it("the timestamp in epoch seconds becomes ISO-8601; out-of-range ones fall back to scanTimestamp", () => {
    assert.equal(read(classic({ timestamp: 1 })).scannedAt, "1970-01-01T00:00:01.000Z");
    assert.equal(read(classic({ timestamp: "1600424846" })).scannedAt, "2020-09-18T10:27:26.000Z");
    assert.equal(read(classic({ timestamp: 99_999_999_999 })).scannedAt, new Date(99_999_999_999_000).toISOString());
    for (const t of [0, -5, 1e11, 1.6e12, "soon"]) assert.equal(read(classic({ timestamp: t })).scannedAt, undefined, String(t));
    assert.equal(read(classic({ timestamp: 0, scanTimestamp: "2024-05-01T10:00:00Z" })).scannedAt, "2024-05-01T10:00:00Z");
  });

  it("the newer fields: bucket, bucket_region, file_attributes, version ids", () => {
    const r = read(classic({ bucket: "filestoragesecurity-scanning-bucket-gw6i2g", bucket_region: "eu-west-1", file_attributes: { etag: '"abc"', version_id: "v-2" } }));
    assert.deepEqual(r, { ...base, region: "eu-west-1", etag: '"abc"', versionId: "v-2" });
    assert.equal(read(classic({ version_id: "v-1", file_attributes: { version_id: "v-2" } })).versionId, "v-1");
    assert.equal("versionId" in read(classic({ file_attributes: { version_id: "" } })), false);
    assert.equal("versionId" in read(classic({ version_id: 3 })), false);
    assert.equal("etag" in read(classic({ file_attributes: { etag: "" } })), false);
    assert.equal("etag" in read(classic({ file_attributes: { etag: 5 } })), false);
    refused(classic({ bucket_region: "mars-1" }), /bucket_region is not an AWS Region/);
    refused(classic({ bucket: "another-bucket" }), /bucket "another-bucket" disagrees with file_url bucket "filestoragesecurity-scanning-bucket-gw6i…"/);
  });

  it("without file_url, the bucket and key fields name the object", () => {
    const r = read(JSON.stringify({ bucket: "uploads-prod", object_key: "a/b c.txt", scanner_status: 0, scanning_result: { Findings: [] } }));
    assert.deepEqual(r, { bucket: "uploads-prod", key: "a/b c.txt", verdict: "clean", findings: [], partial: false, source: "file-storage-security", scannerStatus: 0 });
    assert.equal(read(JSON.stringify({ bucket: "uploads-prod", key: "k", scanner_status: 0, scanning_result: { Findings: [] } })).key, "k");
    refused(JSON.stringify({ bucket: "uploads-prod", scanner_status: 0, scanning_result: { Findings: [] } }), /no valid object key/);
    refused(JSON.stringify({ key: "k", scanner_status: 0, scanning_result: { Findings: [] } }), /no valid bucket name \(undefined\)/);
    refused(JSON.stringify({ file_url: `https://b-1.s3.amazonaws.com/${"k".repeat(4100)}`, scanner_status: 0, scanning_result: { Findings: [] } }), /file_url is not an S3 object URL/);
    assert.equal(read(JSON.stringify({ file_url: `https://b-1.s3.amazonaws.com/${"k".repeat(1000)}`, scanner_status: 0, scanning_result: { Findings: [] } })).key, "k".repeat(1000));
  });

  it("Vision One: scanResult 0, 1 or 2 with foundMalwares", () => {
    const v1 = { bucket: base.bucket, key: base.key, findings: [], partial: false, source: "file-storage-security", scannedAt: "2020-09-18T10:27:26.000Z" };
    assert.deepEqual(read(visionOne()), { ...v1, verdict: "clean" });
    assert.deepEqual(read(visionOne({ scanResult: "0", scanner_status: 0 })), { ...v1, verdict: "clean", scannerStatus: 0 });
    assert.deepEqual(read(visionOne({ scanner_status: -2 })), { ...v1, verdict: "failed", scannerStatus: -2 });
    assert.deepEqual(read(visionOne({ scanResult: 1 })), { ...v1, verdict: "malicious", findings: [{ malware: "unknown" }] });
    assert.deepEqual(read(visionOne({ scanResult: 1, foundMalwares: [{ fileName: "x", malwareName: "Trojan.A" }] })), { ...v1, verdict: "malicious", findings: [{ malware: "Trojan.A" }] });
    assert.deepEqual(read(visionOne({ scanResult: 0, foundMalwares: [{ malwareName: "Trojan.B" }] })), { ...v1, verdict: "malicious", findings: [{ malware: "Trojan.B" }] });
    assert.deepEqual(read(visionOne({ scanResult: 2 })), { ...v1, verdict: "failed" });
    assert.deepEqual(read(visionOne({ foundMalwares: null })), { ...v1, verdict: "clean" });
    assert.deepEqual(read(visionOne({ foundMalwares: undefined })), { ...v1, verdict: "clean" });
    refused(visionOne({ foundMalwares: { malwareName: "x" } }), /foundMalwares is not a list/);
    refused(visionOne({ foundMalwares: [{ fileName: "x" }] }), /foundMalwares entry without malwareName/);
    refused(visionOne({ foundMalwares: [{ malwareName: "" }] }), /foundMalwares entry without malwareName/);
    // scanResult null is no Vision One result: the classic fields must then be there.
    refused(visionOne({ scanResult: null }), /neither scanning_result nor scanResult present/);
  });

  it("refuses what is not a scan result message, saying why", () => {
    refused("nope", /^File Storage Security result: message is not JSON/);
    refused("[]", /^File Storage Security result is not a JSON object \(got an array\)/);
    refused(JSON.stringify({ file_url: "https://example.com/x", scanner_status: 0, scanning_result: { Findings: [] } }), /^file_url is not an S3 object URL: "https:\/\/example\.com\/x"/);
    refused(JSON.stringify({ file_url: URL_, scanner_status: "x", scanning_result: { Findings: [{}] } }), /scanner_status is not an integer.*; Findings entry without malware name/);
  });

  it("S3 URLs: virtual-hosted, path-style, regional, dual-stack, China, s3://; others refused", () => {
    assert.deepEqual(parseS3Url("https://b-1.s3.amazonaws.com/a/b%20c.txt"), { bucket: "b-1", key: "a/b c.txt", region: undefined });
    assert.deepEqual(parseS3Url("https://b-1.s3.eu-west-1.amazonaws.com/k"), { bucket: "b-1", key: "k", region: "eu-west-1" });
    assert.deepEqual(parseS3Url("https://b-1.s3-eu-west-1.amazonaws.com/k"), { bucket: "b-1", key: "k", region: "eu-west-1" });
    assert.deepEqual(parseS3Url("https://b-1.s3.dualstack.us-east-2.amazonaws.com/k"), { bucket: "b-1", key: "k", region: "us-east-2" });
    assert.deepEqual(parseS3Url("https://b-1.s3.cn-north-1.amazonaws.com.cn/k"), { bucket: "b-1", key: "k", region: "cn-north-1" });
    assert.deepEqual(parseS3Url("https://b-1.s3.external-1.amazonaws.com/k"), { bucket: "b-1", key: "k", region: undefined });
    assert.deepEqual(parseS3Url("http://s3.us-west-2.amazonaws.com/my.bucket/dir/f%2Bg.txt"), { bucket: "my.bucket", key: "dir/f+g.txt", region: "us-west-2" });
    assert.deepEqual(parseS3Url("https://S3.AMAZONAWS.COM/b-1/k"), { bucket: "b-1", key: "k", region: undefined });
    assert.deepEqual(parseS3Url("s3://b-1/dir/k%20x"), { bucket: "b-1", key: "dir/k x", region: undefined });
    for (const u of ["https://s3.amazonaws.com/b-1", "ftp://b-1.s3.amazonaws.com/k", "https://b-1.s3.amazonaws.com.evil.com/k", "https://evils3.amazonaws.com/k", "https://b-1.s3.amazonaws.com/%E0%A4%A", "https://s3.amazonaws.com/%E0%A4%A/k", "not a url", "file:///etc/passwd"]) {
      assert.equal(parseS3Url(u), undefined, u);
    }
  });
});
