import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// A regional web ACL (with WAF logging) holding Kamae's block rule group, associated with your load balancer. Attackers
// reported by GuardDuty, the Spamhaus DROP lists and a honeypot URL are blocked for 4 hours; your offices never are.
const config = new pulumi.Config();
const loadBalancerArn = config.get("loadBalancerArn");

const waf = new kamae.WafAutoBlock("edge", {
  mode: config.get("mode") === "enforce" ? "enforce" : "detect",
  allowlist: config.getObject<string[]>("allowlist") ?? ["192.0.2.0/24"],
  webAcl: { associations: loadBalancerArn ? { web: loadBalancerArn } : {} },
  guardDuty: { minSeverity: 4 },
  reputationLists: {},
  honeypot: {},
  blockMinutes: { reputation: 24 * 60 },
});

export const webAclArn = waf.webAclArn;
/** Link this URL invisibly from your pages and list it as Disallow in robots.txt: only scanners call it. */
export const honeypotUrl = waf.honeypotUrl;
export const blockQueueUrl = waf.blockQueueUrl;
