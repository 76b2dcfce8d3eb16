import { parseCidr } from "../shared/net/cidr";
import { Validator } from "../shared/validation";

/** Which traffic of the source a filter rule matches. */
export const TrafficDirection = {
  /** Traffic the source receives. */
  Ingress: "ingress",
  /** Traffic the source sends. */
  Egress: "egress",
} as const;
export type TrafficDirection = (typeof TrafficDirection)[keyof typeof TrafficDirection];

/** What a filter rule does with the packets it matches. */
export const TrafficRuleAction = {
  /** Mirror them. */
  Accept: "accept",
  /** Skip them. */
  Reject: "reject",
} as const;
export type TrafficRuleAction = (typeof TrafficRuleAction)[keyof typeof TrafficRuleAction];

/** An inclusive TCP/UDP port range (0–65535). */
export interface TrafficMirrorPortRange {
  /** First port of the range (0–65535). */
  readonly fromPort: number;
  /** Last port of the range, at least `fromPort`. */
  readonly toPort: number;
}

/** One rule of the traffic mirror filter (what is mirrored), as AWS's TrafficMirrorFilterRule takes it. */
export interface TrafficMirrorFilterRuleArgs {
  /** "ingress" (traffic the source receives) or "egress" (traffic it sends). */
  readonly direction: TrafficDirection;
  /** Evaluation order within the direction, lowest first (1–32766, unique per direction). */
  readonly ruleNumber: number;
  /** "accept" mirrors the matching packets, "reject" skips them. */
  readonly action: TrafficRuleAction;
  /** IANA protocol number (6 TCP, 17 UDP, 1 ICMP); omit for every protocol. */
  readonly protocol?: number;
  /** Default 0.0.0.0/0 (or ::/0 when the destination is IPv6). */
  readonly sourceCidrBlock?: string;
  /** Default 0.0.0.0/0 (or ::/0 when the source is IPv6). */
  readonly destinationCidrBlock?: string;
  /** TCP/UDP only. */
  readonly sourcePortRange?: TrafficMirrorPortRange;
  /** TCP/UDP only. */
  readonly destinationPortRange?: TrafficMirrorPortRange;
  /** Description of the rule in the filter. */
  readonly description?: string;
}

/** A rule after validation: canonical CIDRs, both filled in. */
export type ResolvedRule = TrafficMirrorFilterRuleArgs & { readonly sourceCidrBlock: string; readonly destinationCidrBlock: string };

/** AWS quota: 10 rules per filter (not adjustable). */
export const MAX_FILTER_RULES = 10;
const TCP = 6;
const UDP = 17;
/** Rule numbers below this are reserved for the exclusion rules, which must be evaluated first. */
export const FIRST_USER_RULE_NUMBER = 10;

const check: Validator = new Validator("TrafficMirrorFeed");

/** Everything TCP and UDP, both directions (IPv4, and IPv6 when asked). */
export function defaultFilterRules(ipv6: boolean): TrafficMirrorFilterRuleArgs[] {
  const families = ipv6 ? ["0.0.0.0/0", "::/0"] : ["0.0.0.0/0"];
  const rules: TrafficMirrorFilterRuleArgs[] = [];
  for (const direction of ["ingress", "egress"] as const) {
    let n = 100;
    for (const any of families) {
      for (const [protocol, label] of [[TCP, "TCP"], [UDP, "UDP"]] as const) {
        rules.push({ direction, ruleNumber: n, action: "accept", protocol, sourceCidrBlock: any, destinationCidrBlock: any, description: `all ${label} ${direction} (${any.includes(":") ? "IPv6" : "IPv4"})` });
        n += 10;
      }
    }
  }
  return rules;
}

/**
 * Validates the rules and puts the exclusions first: for each excluded CIDR (the sensor's own addresses) a reject rule
 * per direction (traffic from it, traffic to it), numbered 1–9 so they win over every accept rule.
 */
export function resolveFilterRules(rules: readonly TrafficMirrorFilterRuleArgs[], excludeCidrs: readonly string[]): ResolvedRule[] {
  const exclusions = excludeCidrs.map((c) => {
    const parsed = parseCidr(c, { strict: true });
    if (!parsed.ok) check.fail(`excludeCidrs: ${parsed.reason}`);
    return parsed.value;
  });
  if (exclusions.length >= FIRST_USER_RULE_NUMBER) check.fail(`at most ${FIRST_USER_RULE_NUMBER - 1} excluded CIDRs`);
  const resolved: ResolvedRule[] = [];
  exclusions.forEach((c, i) => {
    const any = c.version === 4 ? "0.0.0.0/0" : "::/0";
    resolved.push({ direction: "ingress", ruleNumber: i + 1, action: "reject", sourceCidrBlock: c.text, destinationCidrBlock: any, description: `not the sensor's own traffic (from ${c.text})` });
    resolved.push({ direction: "egress", ruleNumber: i + 1, action: "reject", sourceCidrBlock: any, destinationCidrBlock: c.text, description: `not the sensor's own traffic (to ${c.text})` });
  });
  const seen = new Set<string>();
  for (const r of rules) {
    if (r.direction !== "ingress" && r.direction !== "egress") check.fail(`rule direction must be "ingress" or "egress", got ${JSON.stringify(r.direction)}`);
    if (r.action !== "accept" && r.action !== "reject") check.fail(`rule action must be "accept" or "reject", got ${JSON.stringify(r.action)}`);
    if (!Number.isInteger(r.ruleNumber) || r.ruleNumber < 1 || r.ruleNumber > 32766) check.fail(`rule number ${r.ruleNumber} is outside 1–32766`);
    if (exclusions.length > 0 && r.ruleNumber < FIRST_USER_RULE_NUMBER) check.fail(`rule number ${r.ruleNumber}: numbers below ${FIRST_USER_RULE_NUMBER} are reserved for excludeCidrs`);
    const key = `${r.direction}/${r.ruleNumber}`;
    if (seen.has(key)) check.fail(`two ${r.direction} rules have number ${r.ruleNumber}`);
    seen.add(key);
    if (r.protocol !== undefined && (!Number.isInteger(r.protocol) || r.protocol < 0 || r.protocol > 255)) check.fail(`protocol ${r.protocol} is not an IANA protocol number (0–255)`);
    for (const [what, range] of [["sourcePortRange", r.sourcePortRange], ["destinationPortRange", r.destinationPortRange]] as const) {
      if (range === undefined) continue;
      if (r.protocol !== TCP && r.protocol !== UDP) check.fail(`${what} needs protocol 6 (TCP) or 17 (UDP)`);
      const ok = [range.fromPort, range.toPort].every((p) => Number.isInteger(p) && p >= 0 && p <= 65535) && range.fromPort <= range.toPort;
      if (!ok) check.fail(`${what} ${range.fromPort}–${range.toPort} is not a port range`);
    }
    const src = r.sourceCidrBlock === undefined ? undefined : parseCidr(r.sourceCidrBlock, { strict: true });
    const dst = r.destinationCidrBlock === undefined ? undefined : parseCidr(r.destinationCidrBlock, { strict: true });
    if (src && !src.ok) check.fail(`sourceCidrBlock: ${src.reason}`);
    if (dst && !dst.ok) check.fail(`destinationCidrBlock: ${dst.reason}`);
    const version = (src?.ok && src.value.version) || (dst?.ok && dst.value.version) || 4;
    if (src?.ok && dst?.ok && src.value.version !== dst.value.version) check.fail(`rule ${key} mixes IPv4 and IPv6 CIDRs`);
    const any = version === 4 ? "0.0.0.0/0" : "::/0";
    resolved.push({
      ...r,
      sourceCidrBlock: src?.ok ? src.value.text : any,
      destinationCidrBlock: dst?.ok ? dst.value.text : any,
    });
  }
  if (!resolved.some((r) => r.action === "accept")) check.fail("no accept rule: the filter would mirror nothing");
  if (resolved.length > MAX_FILTER_RULES) {
    check.fail(`${resolved.length} filter rules (including 2 per excluded CIDR) exceed AWS's limit of ${MAX_FILTER_RULES} per filter`);
  }
  return resolved;
}
