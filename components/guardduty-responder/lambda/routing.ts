import type { GuardDutyFinding } from "../../shared/events/guardduty";
import { isPrivateOrReserved } from "../../shared/net/cidr";
import type { MacieFinding } from "./macie";
import type { EnforcementMode } from "../../shared/runtime/mode";

/**
 * How GuardDutyResponder decides: routes (severity range × type prefixes → actions) as typed data from the component's
 * args, and a pure function from a finding to the plan of actions. The same code validates the routes at construction
 * time and at cold start, and builds the EventBridge patterns, so the rules that invoke the function and the decision
 * it takes cannot disagree.
 */

// Named `as const` objects with a same-named union type: callers pass the plain strings, and Pulumi's schema inference
// turns each into a named enum for the other languages.

/** What a route does with a finding. Key order is execution order (RESPONSE_ACTIONS). */
export const ResponseAction = {
  /** Run Command the anti-malware scan document on the instance (queued before isolation cuts it off from SSM). */
  Scan: "scan",
  /** Isolate the instance through InstanceIsolation. */
  Isolate: "isolate",
  /** Block the remote address through WafAutoBlock. */
  Block: "block",
  /** Start the compromised-credentials workflow. */
  RestrictCredentials: "restrictCredentials",
  /** Turn on Block Public Access of the bucket. */
  BlockPublicAccess: "blockPublicAccess",
  /** Block Public Access, default KMS encryption and a deny-non-TLS policy on the bucket (Macie sensitive data). */
  ProtectBucket: "protectBucket",
  /** Notify the topic. */
  Notify: "notify",
} as const;
export type ResponseAction = (typeof ResponseAction)[keyof typeof ResponseAction];
/** In execution order: the scan is queued before isolation can cut the instance off from Systems Manager. */
export const RESPONSE_ACTIONS: readonly ResponseAction[] = Object.values(ResponseAction);
export type ActionMode = EnforcementMode;

/** The service whose findings a route matches. */
export const FindingSource = {
  GuardDuty: "guardduty",
  Macie: "macie",
} as const;
export type FindingSource = (typeof FindingSource)[keyof typeof FindingSource];

export interface FindingRoute {
  /** Name shown in notifications ("instance-compromise"). */
  readonly name: string;
  /** Findings of GuardDuty (default) or Amazon Macie. */
  readonly source?: FindingSource;
  /** Finding type prefixes ("Backdoor:EC2/", "UnauthorizedAccess:IAMUser/"); every type when omitted. */
  readonly typePrefixes?: string[];
  /** Lowest severity routed (inclusive, 0–10; Macie Low/Medium/High count as 2/5/8). */
  readonly minSeverity?: number;
  /** Severity from which the route stops (exclusive). */
  readonly belowSeverity?: number;
  /** What to do: notify, isolate, scan, block, restrictCredentials, blockPublicAccess, protectBucket. */
  readonly actions: ResponseAction[];
}

/** Mode of each acting action; every one is "detect" unless set to "enforce". */
export interface ActionModes {
  /** Isolate the instance through InstanceIsolation. */
  readonly isolate?: EnforcementMode;
  /** Send the finding's remote addresses to WafAutoBlock's queue. */
  readonly block?: EnforcementMode;
  /** Run the scan document on the instance. */
  readonly scan?: EnforcementMode;
  /** Run the credential workflow: deny the principal's sessions or deactivate its access key. */
  readonly restrictCredentials?: EnforcementMode;
  /** Turn on every Block Public Access setting of a GuardDuty finding's bucket. */
  readonly blockPublicAccess?: EnforcementMode;
  /**
   * Tighten a Macie finding's bucket: Block Public Access, default encryption, a TLS-only statement merged into its
   * policy.
   */
  readonly protectBucket?: EnforcementMode;
}

/** Every finding is notified, nothing more: acting is opt-in. */
export const DEFAULT_ROUTES: readonly FindingRoute[] = [
  { name: "notify-guardduty", actions: ["notify"] },
  { name: "notify-macie", source: "macie", actions: ["notify"] },
];

/**
 * Routing by kind and severity, ready to pass as `routes` (still detect until modes say enforce): every finding is
 * notified; a compromised instance is isolated, scanned and its remote peers blocked; misused credentials are
 * restricted; public buckets are closed; buckets holding sensitive data (Macie) are tightened.
 */
export const RECOMMENDED_ROUTES: readonly FindingRoute[] = [
  { name: "notify-guardduty", actions: ["notify"] },
  {
    name: "instance-compromise",
    typePrefixes: ["Backdoor:EC2/", "CryptoCurrency:EC2/", "Trojan:EC2/", "Impact:EC2/", "UnauthorizedAccess:EC2/TorClient"],
    minSeverity: 7,
    actions: ["isolate", "scan", "block"],
  },
  {
    name: "credential-compromise",
    typePrefixes: ["UnauthorizedAccess:IAMUser/", "CredentialAccess:IAMUser/", "Exfiltration:IAMUser/", "Impact:IAMUser/", "Persistence:IAMUser/"],
    minSeverity: 4,
    actions: ["restrictCredentials"],
  },
  {
    name: "public-bucket",
    typePrefixes: ["Policy:S3/BucketBlockPublicAccessDisabled", "Policy:S3/BucketAnonymousAccessGranted", "Policy:S3/BucketPublicAccessGranted", "Policy:S3/BucketPublicReadAccess", "Policy:S3/BucketPublicWriteAccess"],
    actions: ["blockPublicAccess"],
  },
  { name: "notify-macie", source: "macie", actions: ["notify"] },
  { name: "sensitive-data", source: "macie", typePrefixes: ["SensitiveData:"], minSeverity: 4, actions: ["protectBucket"] },
];

const ROUTE_FIELDS = new Set(["name", "source", "typePrefixes", "minSeverity", "belowSeverity", "actions"]);
const ACTIONS_OF_SOURCE: Record<"guardduty" | "macie", readonly ResponseAction[]> = {
  guardduty: ["notify", "isolate", "scan", "block", "restrictCredentials", "blockPublicAccess"],
  macie: ["notify", "protectBucket"],
};

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/** Checks routes (from args or the environment); throws naming the field. */
export function validateRoutes(value: unknown, where = "routes"): FindingRoute[] {
  if (!Array.isArray(value) || value.length === 0) fail(where, "must be a non-empty list of routes");
  if (value.length > 50) fail(where, "has more than 50 routes");
  const names = new Set<string>();
  return value.map((raw, i) => {
    const at = `${where}[${i}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(at, "must be an object");
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!ROUTE_FIELDS.has(key)) fail(at, `unknown field "${key}"`);
    if (typeof r.name !== "string" || !/^[A-Za-z0-9-]{1,40}$/.test(r.name)) fail(`${at}.name`, "must be 1–40 letters, digits or hyphens");
    if (names.has(r.name)) fail(where, `two routes are named "${r.name}"`);
    names.add(r.name);
    const source = r.source ?? "guardduty";
    if (source !== "guardduty" && source !== "macie") fail(`${at}.source`, 'must be "guardduty" or "macie"');
    if (r.typePrefixes !== undefined) {
      if (!Array.isArray(r.typePrefixes) || r.typePrefixes.length === 0) fail(`${at}.typePrefixes`, "must be a non-empty list");
      r.typePrefixes.forEach((p, j) => {
        if (typeof p !== "string" || !/^[A-Za-z0-9:/&!._-]{1,100}$/.test(p)) fail(`${at}.typePrefixes[${j}]`, "must be a finding type prefix such as \"Backdoor:EC2/\"");
      });
    }
    for (const key of ["minSeverity", "belowSeverity"] as const) {
      const v = r[key];
      if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 10.1)) fail(`${at}.${key}`, "must be a number from 0 to 10");
    }
    if (typeof r.minSeverity === "number" && typeof r.belowSeverity === "number" && r.minSeverity >= r.belowSeverity) {
      fail(at, "minSeverity must be below belowSeverity");
    }
    if (!Array.isArray(r.actions) || r.actions.length === 0) fail(`${at}.actions`, "must be a non-empty list of actions");
    for (const a of r.actions) {
      if (!(RESPONSE_ACTIONS as readonly unknown[]).includes(a)) fail(`${at}.actions`, `"${String(a)}" is not one of ${RESPONSE_ACTIONS.join(", ")}`);
      if (!ACTIONS_OF_SOURCE[source].includes(a as ResponseAction)) fail(`${at}.actions`, `"${a}" does not apply to ${source} findings`);
    }
    if (source === "macie" && macieLabels(r.minSeverity as number | undefined, r.belowSeverity as number | undefined).length === 0) {
      fail(at, "the severity range holds none of Macie's Low (2), Medium (5), High (8)");
    }
    return {
      name: r.name,
      source,
      ...(r.typePrefixes ? { typePrefixes: r.typePrefixes as string[] } : {}),
      ...(r.minSeverity !== undefined ? { minSeverity: r.minSeverity as number } : {}),
      ...(r.belowSeverity !== undefined ? { belowSeverity: r.belowSeverity as number } : {}),
      actions: [...new Set(r.actions as ResponseAction[])],
    };
  });
}

/** Checks action modes: each "enforce" or "detect". */
export function validateModes(value: unknown, where = "modes"): ActionModes {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(where, "must be an object");
  for (const [k, v] of Object.entries(value)) {
    if (!(RESPONSE_ACTIONS as readonly string[]).includes(k) || k === "notify") fail(where, `unknown action "${k}"`);
    if (v !== "enforce" && v !== "detect") fail(`${where}.${k}`, 'must be "enforce" or "detect"');
  }
  return value as ActionModes;
}

/** A finding of either service, reduced to what routing and the actions need. */
export interface ResponderFinding {
  readonly source: FindingSource;
  readonly id: string;
  readonly type: string;
  /** 0–10 (Macie's Low/Medium/High mapped to 2/5/8). */
  readonly severity: number;
  readonly accountId: string;
  readonly region: string;
  readonly title?: string;
  readonly instanceId?: string;
  readonly remoteIps: readonly string[];
  readonly principal?: { readonly type: string; readonly name?: string; readonly accessKeyId?: string };
  readonly bucketNames: readonly string[];
  readonly createdAt?: string;
  readonly updatedAt?: string;
  /** A GuardDuty sample finding (a drill). */
  readonly sample?: boolean;
}

const MACIE_SEVERITY = { Low: 2, Medium: 5, High: 8 } as const;

/** Macie's severity labels whose numbers fall in a route's range. */
function macieLabels(min: number | undefined, below: number | undefined): string[] {
  return (Object.keys(MACIE_SEVERITY) as Array<keyof typeof MACIE_SEVERITY>).filter(
    (l) => (min === undefined || MACIE_SEVERITY[l] >= min) && (below === undefined || MACIE_SEVERITY[l] < below),
  );
}

export function fromGuardDuty(f: GuardDutyFinding): ResponderFinding {
  return {
    source: "guardduty",
    id: f.id,
    type: f.type,
    severity: f.severity,
    accountId: f.accountId,
    region: f.region,
    title: f.title,
    instanceId: f.instanceId,
    remoteIps: f.remoteIps,
    principal: f.accessKey?.userType ? { type: f.accessKey.userType, name: f.accessKey.userName, accessKeyId: f.accessKey.accessKeyId } : undefined,
    bucketNames: f.bucketNames,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    ...(f.sample ? { sample: true } : {}),
  };
}

export function fromMacie(f: MacieFinding): ResponderFinding {
  return {
    source: "macie",
    id: f.id,
    type: f.type,
    severity: MACIE_SEVERITY[f.severityLabel],
    accountId: f.accountId,
    region: f.region,
    title: f.title,
    remoteIps: [],
    bucketNames: [f.bucketName],
  };
}

/** One step of a response: what, on what, in which mode, and why. */
export interface PlannedAction {
  readonly action: ResponseAction;
  readonly mode: ActionMode;
  /** The routes that asked for it. */
  readonly routes: string[];
  readonly reason: string;
  readonly instanceId?: string;
  readonly addresses?: string[];
  readonly buckets?: string[];
  readonly principal?: { readonly type: "IAMUser" | "AssumedRole"; readonly name: string; readonly accessKeyId?: string };
}

export interface ResponsePlan {
  readonly finding: ResponderFinding;
  readonly routes: string[];
  readonly actions: PlannedAction[];
  /** Actions a route asked for that cannot apply to this finding, with why. */
  readonly skipped: Array<{ action: ResponseAction; reason: string }>;
}

export function routeMatches(route: FindingRoute, finding: ResponderFinding): boolean {
  if ((route.source ?? "guardduty") !== finding.source) return false;
  if (route.minSeverity !== undefined && finding.severity < route.minSeverity) return false;
  if (route.belowSeverity !== undefined && finding.severity >= route.belowSeverity) return false;
  if (route.typePrefixes && !route.typePrefixes.some((p) => finding.type.startsWith(p))) return false;
  return true;
}

/** Addresses one finding may block (WafAutoBlock's event feeder caps GuardDuty findings the same way by default). */
export const MAX_BLOCKS_PER_FINDING = 50;

const PRINCIPAL_NAME = /^[\w+=,.@-]{1,128}$/;

/** The whole decision, pure: which routes match, which of their actions apply to this finding, in which mode. */
export function planResponse(finding: ResponderFinding, routes: readonly FindingRoute[], modes: ActionModes): ResponsePlan {
  const matched = routes.filter((r) => routeMatches(r, finding));
  const requested = new Map<ResponseAction, string[]>();
  for (const route of matched) for (const a of route.actions) requested.set(a, [...(requested.get(a) ?? []), route.name]);
  const actions: PlannedAction[] = [];
  const skipped: ResponsePlan["skipped"] = [];
  const where = `account ${finding.accountId}, ${finding.region}`;
  for (const action of RESPONSE_ACTIONS) {
    const byRoutes = requested.get(action);
    if (!byRoutes) continue;
    const mode: ActionMode = action === "notify" ? "enforce" : (modes[action] ?? "detect");
    const base = { action, mode, routes: byRoutes };
    const skip = (reason: string) => skipped.push({ action, reason });
    switch (action) {
      case "isolate":
      case "scan":
        if (!finding.instanceId) skip("the finding names no EC2 instance");
        else actions.push({ ...base, instanceId: finding.instanceId, reason: `${finding.type} on ${finding.instanceId} (${where})` });
        break;
      case "block": {
        const all = finding.remoteIps.filter((ip) => !isPrivateOrReserved(ip));
        // One port probe can name thousands of addresses: a few become blocks, the rest are reported for a human.
        const addresses = all.slice(0, MAX_BLOCKS_PER_FINDING);
        if (all.length === 0) skip(finding.remoteIps.length > 0 ? "every remote address is private or reserved" : "the finding names no remote address");
        else actions.push({ ...base, addresses, reason: `remote address(es) of ${finding.type} (${where})` });
        if (all.length > addresses.length) skip(`${all.length} public remote addresses: the first ${addresses.length} blocked, ${all.length - addresses.length} not (cap per finding): ${all.slice(addresses.length, addresses.length + 20).join(", ")}${all.length > addresses.length + 20 ? ", …" : ""}`);
        break;
      }
      case "restrictCredentials": {
        const p = finding.principal;
        if (!p) skip("the finding names no access key");
        else if (p.type !== "IAMUser" && p.type !== "AssumedRole") skip(`a ${p.type} principal cannot be restricted by a policy: act by hand`);
        else if (!p.name || !PRINCIPAL_NAME.test(p.name)) skip("the finding names no valid user or role name");
        else actions.push({ ...base, principal: { type: p.type, name: p.name, ...(p.accessKeyId ? { accessKeyId: p.accessKeyId } : {}) }, reason: `credentials of ${p.type} ${p.name} misused: ${finding.type} (${where})` });
        break;
      }
      case "blockPublicAccess":
      case "protectBucket":
        if (finding.bucketNames.length === 0) skip("the finding names no bucket");
        else actions.push({ ...base, buckets: [...finding.bucketNames], reason: `${finding.type} on ${finding.bucketNames.join(", ")} (${where})` });
        break;
      case "notify":
        actions.push({ ...base, reason: `${finding.type} severity ${finding.severity} (${where})` });
        break;
    }
  }
  return { finding, routes: matched.map((r) => r.name), actions, skipped };
}

/** EventBridge pattern of a route: the rule narrows invocations; the function still decides with planResponse. */
export function eventPattern(route: FindingRoute): Record<string, unknown> {
  const macie = (route.source ?? "guardduty") === "macie";
  const detail: Record<string, unknown> = {};
  if (route.typePrefixes) detail.type = route.typePrefixes.map((prefix) => ({ prefix }));
  const range: Array<string | number> = [];
  if (route.minSeverity !== undefined) range.push(">=", route.minSeverity);
  if (route.belowSeverity !== undefined) range.push("<", route.belowSeverity);
  if (!macie && range.length > 0) detail.severity = [{ numeric: range }];
  if (macie && range.length > 0) {
    detail.severity = { description: macieLabels(route.minSeverity, route.belowSeverity) };
  }
  return {
    source: [macie ? "aws.macie" : "aws.guardduty"],
    "detail-type": [macie ? "Macie Finding" : "GuardDuty Finding"],
    ...(Object.keys(detail).length > 0 ? { detail } : {}),
  };
}
