/**
 * The allowlist's domains: validation of user patterns (clear errors, before anything is deployed), the defaults
 * (the agent vendor's endpoints, the AWS endpoints a managed instance needs, the VPC's internal names) and the
 * Suricata rules that apply the same list in AWS Network Firewall.
 */

const PREFIX = "kamae:EgressAllowlist:";
/** Domains one DNS Firewall domain list accepts inline in one update. */
export const MAX_DOMAINS = 1000;

/**
 * Normalises one pattern (`example.com` or `*.example.com`, lower case, no trailing dot) or throws an error naming the
 * pattern and what is wrong with it.
 */
export function validateDomain(raw: string): string {
  if (typeof raw !== "string") throw new Error(`${PREFIX} domain ${JSON.stringify(raw)} must be a string`);
  const text = raw.trim().toLowerCase();
  const show = JSON.stringify(raw);
  if (text === "") throw new Error(`${PREFIX} a domain is empty`);
  if (text === "*" || text === "*.") throw new Error(`${PREFIX} domain ${show} would allow everything; the catch-all rule is the component's (see mode)`);
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) throw new Error(`${PREFIX} domain ${show} is a URL; give the host name only (e.g. ${text.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").split(/[/:]/)[0]})`);
  if (/[/:?#@]/.test(text)) throw new Error(`${PREFIX} domain ${show} contains a path, port or user part; give the host name only`);
  if (/[^\x20-\x7e]/.test(text)) throw new Error(`${PREFIX} domain ${show} has non-ASCII characters; give its punycode form (xn--…)`);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text) || text.includes("[")) throw new Error(`${PREFIX} domain ${show} is an IP address; DNS Firewall matches names (use security groups for addresses)`);
  const name = text.endsWith(".") ? text.slice(0, -1) : text;
  const wildcard = name.startsWith("*.");
  const rest = wildcard ? name.slice(2) : name;
  if (rest.includes("*")) throw new Error(`${PREFIX} domain ${show}: a wildcard is only allowed as the whole leftmost label ("*.example.com")`);
  if (name.length > 253) throw new Error(`${PREFIX} domain ${show} is longer than 253 characters`);
  const labels = rest.split(".");
  for (const label of labels) {
    if (label === "") throw new Error(`${PREFIX} domain ${show} has an empty label (two dots in a row, or a leading dot)`);
    if (label.length > 63) throw new Error(`${PREFIX} domain ${show} has a label longer than 63 characters`);
    if (!/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/.test(label)) throw new Error(`${PREFIX} domain ${show} has an invalid label "${label}" (letters, digits, hyphens and underscores; no hyphen at either end)`);
  }
  if (wildcard && labels.length < 2) throw new Error(`${PREFIX} domain ${show} allows a whole top-level domain; name the organisation's domain`);
  return name;
}

/** Validates, normalises and de-duplicates a list, keeping its first-seen order; throws on the first bad entry. */
export function validateDomains(domains: readonly string[], what = "allowedDomains"): string[] {
  if (!Array.isArray(domains)) throw new Error(`${PREFIX} ${what} must be a list of domain names`);
  const seen = new Set<string>();
  for (const d of domains) seen.add(validateDomain(d));
  if (seen.size > MAX_DOMAINS) throw new Error(`${PREFIX} ${what} has ${seen.size} domains; a DNS Firewall domain list takes at most ${MAX_DOMAINS} at once`);
  return [...seen];
}

/** The agent vendor's endpoints (Trend Micro Cloud One / Deep Security as a Service: activation, manager, relays, updates, reputation). */
export const VENDOR_DOMAINS: readonly string[] = [
  "*.deepsecurity.trendmicro.com",
  "*.cloudone.trendmicro.com",
  "*.workload.trendmicro.com",
  "*.activeupdate.trendmicro.com",
  "*.icrc.trendmicro.com",
  "*.trendmicro.com.cn",
];

/** AWS services a managed, patched, logging instance reaches by default (Systems Manager, Distributor, logs, keys). */
export const DEFAULT_AWS_SERVICES: readonly string[] = ["ec2", "ec2messages", "kms", "logs", "monitoring", "s3", "ssm", "ssmmessages", "sts"];

/** Names inside the VPC (instance host names, reverse lookups) that a catch-all block would otherwise break. */
export const VPC_INTERNAL_DOMAINS: readonly string[] = ["*.compute.internal", "*.ec2.internal", "ec2.internal", "*.in-addr.arpa"];

/** The endpoints of the given services in a Region (plus S3's bucket-style names, which Distributor and patching use). */
export function awsServiceDomains(services: readonly string[], region: string): string[] {
  const out: string[] = [];
  for (const service of services) {
    if (!/^[a-z0-9-]+$/.test(service)) throw new Error(`${PREFIX} AWS service "${service}" must be an endpoint prefix such as "ssm"`);
    out.push(`${service}.${region}.amazonaws.com`);
    if (service === "s3") out.push(`*.s3.${region}.amazonaws.com`, `*.s3.dualstack.${region}.amazonaws.com`, `s3.dualstack.${region}.amazonaws.com`);
  }
  return out;
}

/**
 * Suricata rules for AWS Network Firewall (strict rule order): pass TLS (SNI) and HTTP (Host) to the allowed domains,
 * then alert on or drop every other TLS and HTTP flow. Other protocols are not judged here (DNS Firewall and security
 * groups cover them).
 */
export function networkFirewallRules(domains: readonly string[], mode: "detect" | "enforce", firstSid = 1_000_000): string {
  const rules: string[] = [];
  let sid = firstSid;
  const match = (domain: string): string =>
    domain.startsWith("*.") ? `content:"${domain.slice(1)}"; nocase; endswith;` : `content:"${domain}"; nocase; startswith; endswith;`;
  for (const domain of domains) {
    rules.push(`pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; ${match(domain)} flow:to_server; msg:"kamae allowlist ${domain}"; sid:${sid++}; rev:1;)`);
    rules.push(`pass http $HOME_NET any -> $EXTERNAL_NET any (http.host; ${match(domain)} flow:to_server; msg:"kamae allowlist ${domain}"; sid:${sid++}; rev:1;)`);
  }
  const verdict = mode === "enforce" ? "drop" : "alert";
  rules.push(`${verdict} tls $HOME_NET any -> $EXTERNAL_NET any (flow:to_server, established; msg:"kamae egress: TLS to a domain not on the allowlist"; sid:${sid++}; rev:1;)`);
  rules.push(`${verdict} http $HOME_NET any -> $EXTERNAL_NET any (flow:to_server, established; msg:"kamae egress: HTTP to a domain not on the allowlist"; sid:${sid}; rev:1;)`);
  return rules.join("\n");
}
