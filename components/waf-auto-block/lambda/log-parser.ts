import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { ActionTarget } from "../../shared/aws/account-clients";
import type { S3ObjectEvent } from "../../shared/events/s3-notification";
import type { CidrSet } from "../../shared/net/cidr";
import { forEachGzipLine, LogCounter, type CounterOptions, type FileCounts } from "./access-log";
import { blockMessages, type BlockRequest } from "./block-request";
import { mergeAndDecide, type CounterStore, type Thresholds } from "./log-window";

export interface LogParserDeps {
  readonly getObject: (object: S3ObjectEvent) => Promise<Readable>;
  readonly counters: CounterStore;
  readonly thresholds: Thresholds;
  readonly counter: CounterOptions;
  readonly send: (requests: BlockRequest[]) => Promise<unknown>;
  readonly target: ActionTarget;
  /**
   * Proxies in front of the site (CloudFront's origin-facing ranges, a corporate NAT): the log's client address is
   * then the proxy, carrying many users. Never counted, so never blocked.
   */
  readonly trustedProxies?: CidrSet;
}

export interface LogFileReport {
  readonly accountId: string;
  readonly region: string;
  readonly object: string;
  readonly status: "processed" | "already-processed" | "not-gzip-log";
  readonly format?: FileCounts["format"];
  readonly lines?: number;
  readonly badLines?: number;
  readonly overflowLines?: number;
  readonly addresses?: number;
  readonly counterUpdates?: number;
  /** Address-hours not merged: below the merge floor, or over the per-file cap (with the lowest score merged). */
  readonly belowFloor?: number;
  readonly overCap?: number;
  readonly capScore?: number;
  /** Client addresses in the trusted proxies: not counted. */
  readonly proxies?: number;
  readonly blocked: Array<{ ip: string; reason: string }>;
}

/**
 * One access-log object: claimed (so a replayed notification is not counted twice), streamed through gunzip and the
 * line counter, merged into the shared window, and the addresses over a threshold sent to the block queue. A failure
 * releases the claim and propagates, so the notification is retried.
 */
export async function processLogObject(object: S3ObjectEvent, deps: LogParserDeps): Promise<LogFileReport> {
  const where = { accountId: deps.target.accountId, region: deps.target.region, object: `s3://${object.bucket}/${object.key}` };
  if (!object.key.endsWith(".gz")) return { ...where, status: "not-gzip-log", blocked: [] };
  const fileId = `${object.bucket}/${object.key}#${object.versionId ?? object.eTag ?? object.sequencer ?? ""}`;
  if (!(await deps.counters.claimFile(fileId))) return { ...where, status: "already-processed", blocked: [] };
  try {
    const counter = new LogCounter(deps.counter);
    let overlong = 0;
    await forEachGzipLine(await deps.getObject(object), counter.addLine, () => overlong++);
    const counts = counter.result();
    const trusted = deps.trustedProxies;
    const proxies = trusted ? counts.counts.drop((ip) => trusted.contains(ip)) : 0;
    const decision = await mergeAndDecide(counts.counts, deps.counters, deps.thresholds);
    // Hashed: real log keys run past the 200 printable-ASCII characters a request id may have (the writer drops such messages).
    const fileHash = createHash("sha256").update(fileId).digest("hex").slice(0, 32);
    const requests: BlockRequest[] = decision.offenders.flatMap((o) =>
      blockMessages({ source: "access-log", reason: `${o.reason} in ${object.key.split("/").pop()}`, requestId: `log:${fileHash}:${o.ip}` }, [o.ip]),
    );
    if (requests.length > 0) await deps.send(requests);
    return {
      ...where,
      status: "processed",
      format: counts.format,
      lines: counts.lines,
      badLines: counts.badLines + overlong,
      overflowLines: counts.overflowLines,
      addresses: counts.counts.size,
      counterUpdates: decision.updates,
      belowFloor: decision.belowFloor,
      overCap: decision.overCap,
      ...(decision.capScore === undefined ? {} : { capScore: decision.capScore }),
      ...(proxies > 0 ? { proxies } : {}),
      blocked: decision.offenders,
    };
  } catch (err) {
    await deps.counters.releaseFile(fileId).catch(() => undefined);
    throw err;
  }
}
