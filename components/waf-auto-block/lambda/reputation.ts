import { parseCidr } from "../../shared/net/cidr";

export interface ReputationList {
  /** Canonical CIDRs, de-duplicated (IPv4 and IPv6). */
  readonly cidrs: string[];
  /** Lines that were neither entries, comments nor metadata. */
  readonly badLines: number;
  /** Entries that would block everything ("0.0.0.0/0", "::/0"): never sent. */
  readonly refused: string[];
}

/** Entries past this are not a reputation list but a mistake (or an attack on the feeder). */
export const MAX_LIST_ENTRIES = 100_000;

/**
 * Reads a reputation list in the formats Spamhaus publishes and most lists follow: one CIDR per line with ";" or "#"
 * comments ("1.10.16.0/20 ; SBL256894"), or JSON lines ({"cidr":"1.10.16.0/20","sblid":"…"} plus a metadata line).
 * IPv4 and IPv6 alike; networks with host bits set are masked to the network; everything else is counted as bad.
 */
export function parseReputationList(text: string): ReputationList {
  const cidrs = new Set<string>();
  const refused: string[] = [];
  let badLines = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith(";") || line.startsWith("#") || line.startsWith("//")) continue;
    let candidate: string | undefined;
    if (line.startsWith("{")) {
      try {
        const obj = JSON.parse(line);
        if (obj && typeof obj === "object" && obj.type === "metadata") continue;
        candidate = typeof obj?.cidr === "string" ? obj.cidr : typeof obj?.ip === "string" ? obj.ip : undefined;
      } catch {
        candidate = undefined;
      }
    } else {
      candidate = line.split(/[\s;#,]/, 1)[0];
    }
    const parsed = candidate === undefined ? undefined : parseCidr(candidate);
    if (!parsed?.ok) {
      badLines++;
      continue;
    }
    if (parsed.value.prefix === 0) {
      // A list that says "block the internet" is broken or hostile; the writer's per-source minimum catches the rest.
      refused.push(parsed.value.text);
      continue;
    }
    if (cidrs.size >= MAX_LIST_ENTRIES) {
      badLines++;
      continue;
    }
    cidrs.add(parsed.value.text);
  }
  return { cidrs: [...cidrs], badLines, refused };
}

export const DEFAULT_REPUTATION_URLS = [
  "https://www.spamhaus.org/drop/drop.txt",
  "https://www.spamhaus.org/drop/edrop.txt",
  "https://www.spamhaus.org/drop/dropv6.txt",
] as const;

/** Downloads a list with a deadline and a size cap; a slow or oversized answer fails instead of exhausting the function. */
export async function fetchList(url: string, fetcher: typeof fetch, options: { timeoutMs: number; maxBytes: number }): Promise<string> {
  const res = await fetcher(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: "follow" });
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  const length = Number(res.headers.get("content-length") ?? "0");
  if (length > options.maxBytes) throw new Error(`${url} is ${length} bytes, more than ${options.maxBytes}`);
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > options.maxBytes) {
      await reader.cancel();
      throw new Error(`${url} sent more than ${options.maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
