import { createHash } from "node:crypto";
import { blockMessages, type BlockRequest } from "./block-request";
import { fetchList, parseReputationList } from "./reputation";

export interface ReputationRun {
  readonly lists: Array<{ url: string; entries?: number; badLines?: number; refused?: string[]; error?: string }>;
  readonly requests: BlockRequest[];
}

/**
 * One scheduled run: every list fetched and parsed on its own (one failing list never stops the others), block
 * requests per list. A list that fails or comes back without entries sends nothing: its entries stay blocked until their block
 * period (longer than the schedule) runs out, so one bad download never unblocks a whole list.
 */
export async function collectReputation(urls: readonly string[], runId: string, fetcher: typeof fetch, options = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024 }): Promise<ReputationRun> {
  const run: ReputationRun = { lists: [], requests: [] };
  for (const url of urls) {
    try {
      const list = parseReputationList(await fetchList(url, fetcher, options));
      if (list.cidrs.length === 0) {
        // Comments only is a list that is empty today (EDROP, merged into DROP in 2024, is served so); anything
        // else without a single entry is an error page or a broken download.
        run.lists.push({ url, entries: 0, badLines: list.badLines, ...(list.badLines > 0 ? { error: "no entries, only unreadable lines; nothing sent" } : {}) });
        continue;
      }
      const name = new URL(url).pathname.split("/").pop() || url;
      const id = createHash("sha256").update(url).digest("hex").slice(0, 12);
      run.requests.push(...blockMessages({ source: "reputation", reason: `listed in ${name}`, requestId: `rep:${id}:${runId}` }, list.cidrs));
      run.lists.push({ url, entries: list.cidrs.length, badLines: list.badLines, ...(list.refused.length > 0 ? { refused: list.refused } : {}) });
    } catch (err) {
      run.lists.push({ url, error: (err as Error).message });
    }
  }
  return run;
}
