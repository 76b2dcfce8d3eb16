import { field, path } from "../../shared/events/fields";
import { parseIp, type CidrSet } from "../../shared/net/cidr";
import { blockMessages, type BlockRequest } from "./block-request";

export interface HoneypotDecision {
  readonly request?: BlockRequest;
  /** Who was blocked or why nobody was. */
  readonly note: string;
}

/**
 * Decides whom a honeypot hit blocks. The caller is the connection's peer (API Gateway's or the function URL's
 * sourceIp), which a client cannot forge. X-Forwarded-For is read only when that peer is a configured trusted proxy
 * (a CDN or load balancer in front), and then from the right: the nearest address that is not a trusted proxy is the
 * client; anything further left was written by the client and is never believed.
 */
export function decideHoneypot(event: unknown, trustedProxies: CidrSet): HoneypotDecision {
  const source = path(event, "requestContext", "http", "sourceIp");
  const peer = typeof source === "string" ? parseIp(source) : undefined;
  if (!peer?.ok) return { note: "no valid peer address in the event" };
  let client = peer.value.text;
  if (trustedProxies.contains(client)) {
    const hops = forwardedFor(field(event, "headers"));
    let found: string | undefined;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = parseIp(hops[i]);
      if (!hop.ok) return { note: `peer ${client} is a trusted proxy but the forwarded address before it is unreadable` };
      if (!trustedProxies.contains(hop.value.text)) {
        found = hop.value.text;
        break;
      }
    }
    if (!found) return { note: `peer ${client} is a trusted proxy and names no client beyond trusted proxies` };
    client = found;
  }
  const requestId = path(event, "requestContext", "requestId");
  const route = path(event, "requestContext", "http", "path");
  const [request] = blockMessages(
    {
      source: "honeypot",
      reason: `requested the honeypot ${typeof route === "string" ? route.slice(0, 100) : ""}`.trim(),
      requestId: typeof requestId === "string" ? `hp:${requestId.slice(0, 100)}` : undefined,
    },
    [client],
  );
  return { request, note: `blocking ${client}` };
}

function forwardedFor(headers: unknown): string[] {
  if (typeof headers !== "object" || headers === null) return [];
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "x-forwarded-for" && typeof value === "string") values.push(value);
  }
  return values.join(",").split(",").map((s) => s.trim()).filter((s) => s.length > 0).slice(-50);
}
