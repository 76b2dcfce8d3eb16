import { isUnknown, ResourceView, StackViolation, UNKNOWN } from "./model";
import { cannotJudge, Finding, valueAt } from "./preview";

/** Resource type tokens of @pulumi/aws v7 (and the deprecated V2 aliases that still exist in it). */
export const T = {
  bucket: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
  bucketVersioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
  bucketEncryption: [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
  ],
  bucketPublicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
  bucketPolicy: ["aws:s3/bucketPolicy:BucketPolicy"],
  bucketLogging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
  bucketAcl: ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"],
  bucketOwnershipControls: ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"],
  bucketCors: ["aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2"],
  securityGroup: ["aws:ec2/securityGroup:SecurityGroup"],
  securityGroupRule: ["aws:ec2/securityGroupRule:SecurityGroupRule"],
  vpcIngressRule: ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"],
  loadBalancer: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
  listener: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
  webAclAssociation: ["aws:wafv2/webAclAssociation:WebAclAssociation"],
  instance: ["aws:ec2/instance:Instance"],
  launchTemplate: ["aws:ec2/launchTemplate:LaunchTemplate"],
  autoscalingGroup: ["aws:autoscaling/group:Group"],
  trail: ["aws:cloudtrail/trail:Trail"],
  distribution: ["aws:cloudfront/distribution:Distribution"],
} as const;

/** Resources whose outputs are KMS key references (key ids and ARNs, alias names and ARNs). */
export const KMS_KEY_TYPES = ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey", "aws:kms/externalKey:ExternalKey", "aws:kms/replicaExternalKey:ReplicaExternalKey", "aws:kms/alias:Alias"];

export const is = (r: ResourceView, types: readonly string[]) => types.includes(r.type);
export const ofType = (resources: readonly ResourceView[], types: readonly string[]) => resources.filter((r) => types.includes(r.type));

/** The resource's tags (`tags`, else `tagsAll`); unknown tags count as none. */
export function tagsOf(r: ResourceView): Record<string, string> {
  const tags = r.props.tags ?? r.props.tagsAll;
  if (!tags || isUnknown(tags) || typeof tags !== "object") return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) if (typeof v === "string") out[k] = v;
  return out;
}

export const asArray = (v: unknown): any[] => (Array.isArray(v) ? v : v === undefined || v === null || isUnknown(v) ? [] : [v]);

/** `true`/`"true"` (launch templates carry booleans as strings). */
export const isTrue = (v: unknown) => v === true || v === "true";
export const isFalse = (v: unknown) => v === false || v === "false";

const WORLD = new Set(["0.0.0.0/0", "::/0"]);

/**
 * An ingress permission, from an inline rule or a separate rule resource. At preview its source may be unknown
 * (`worldOpen: "unknown"`, a CIDR from another resource's output) and so may its ports (`known: false`).
 */
export interface Ingress {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly worldOpen: boolean | "unknown";
  /** Protocol and ports are known (otherwise the permission may cover any port). */
  readonly known: boolean;
}

/** Protocol names AWS accepts (numbers or names), canonicalised; -1 means all traffic. */
function protocolName(p: unknown): string {
  const s = String(p).toLowerCase();
  return ({ "6": "tcp", "17": "udp", "1": "icmp", all: "-1" } as Record<string, string>)[s] ?? s;
}

function ingress(protocol: unknown, from: unknown, to: unknown, cidrs: unknown[]): Ingress {
  const known = ![protocol, from, to].some(isUnknown);
  const proto = known ? protocolName(protocol) : "-1";
  const all = proto === "-1";
  const world = cidrs.some((c) => WORLD.has(c as string));
  return {
    protocol: proto,
    fromPort: all ? 0 : Number(from ?? 0),
    toPort: all ? 65535 : Number(to ?? 65535),
    worldOpen: world ? true : cidrs.some(isUnknown) ? "unknown" : false,
    known,
  };
}

/** The ingress permissions a resource grants: a security group's inline rules or one separate rule resource. */
export function ingressOf(r: ResourceView): Ingress[] {
  const out: Ingress[] = [];
  if (is(r, T.securityGroup) || r.type === "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup") {
    if (isUnknown(r.props.ingress)) return [ingress(UNKNOWN, UNKNOWN, UNKNOWN, [UNKNOWN])];
    for (const rule of asArray(r.props.ingress)) {
      if (isUnknown(rule)) out.push(ingress(UNKNOWN, UNKNOWN, UNKNOWN, [UNKNOWN]));
      else out.push(ingress(rule.protocol, rule.fromPort, rule.toPort, cidrList([rule.cidrBlocks, rule.ipv6CidrBlocks])));
    }
  } else if (is(r, T.securityGroupRule) && (r.props.type === "ingress" || isUnknown(r.props.type))) {
    const i = ingress(r.props.protocol, r.props.fromPort, r.props.toPort, cidrList([r.props.cidrBlocks, r.props.ipv6CidrBlocks]));
    // A direction unknown at preview may be ingress: judged as a permission whose reach is unknown, never as egress.
    out.push(isUnknown(r.props.type) ? { ...i, known: false } : i);
  } else if (is(r, T.vpcIngressRule)) {
    out.push(ingress(r.props.ipProtocol, r.props.fromPort, r.props.toPort, [r.props.cidrIpv4, r.props.cidrIpv6]));
  }
  return out;
}

/** CIDR lists, where a whole list may be unknown. */
const cidrList = (lists: unknown[]) => lists.flatMap((l) => (isUnknown(l) ? [UNKNOWN] : asArray(l)));

/**
 * Judges world-open ingress of one resource: violations for known permissions open to the world that `matters`
 * selects, one cannot-judge verdict when an unknown source or port range may make one (policies/preview.ts).
 */
export function judgeIngress(r: ResourceView, matters: (i: Ingress) => boolean, message: (i: Ingress) => string): Finding[] {
  const found: Finding[] = [];
  let undecided = false;
  for (const i of ingressOf(r)) {
    if (i.known && i.worldOpen === true && matters(i)) found.push(message(i));
    else if (i.worldOpen !== false && (!i.known || matters(i))) undecided = true;
  }
  if (undecided && found.length === 0) found.push(cannotJudge(`${label(r)} has an ingress rule whose source or ports are unknown until the update.`));
  return found;
}

export const coversPort = (i: Ingress, port: number, protocols = ["tcp", "udp"]) =>
  (i.protocol === "-1" || protocols.includes(i.protocol)) && i.fromPort <= port && port <= i.toPort;

export interface Statement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** The statements of an IAM/resource policy given as JSON text or an object; undefined when unknown or unparsable. */
export function statementsOf(policy: unknown): Statement[] | undefined {
  let doc: any = policy;
  if (typeof policy === "string") {
    // Stryker disable BlockStatement: equivalent for the catch block, the text left in `doc` is refused just below
    try {
      doc = JSON.parse(policy);
    } catch {
      return undefined;
    }
    // Stryker restore BlockStatement
  }
  if (!doc || typeof doc !== "object") return undefined;
  return asArray(doc.Statement).filter((s) => s && typeof s === "object");
}

export const list = (v: unknown): string[] => asArray(v).filter((x): x is string => typeof x === "string");

/** Principal `*` or `{ AWS: "*" }`: anyone. */
export function isPublicPrincipal(p: unknown): boolean {
  if (p === "*") return true;
  // Stryker disable next-line ConditionalExpression: equivalent, a string or number has no AWS property (list() of undefined is empty)
  if (p && typeof p === "object") return list((p as any).AWS).includes("*");
  return false;
}

/** Conditions that restrict a public principal to a known account/org/source (so the grant is not public). */
export function hasRestrictingCondition(s: Statement): boolean {
  const keys = Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block ?? {}).map((k) => k.toLowerCase()));
  return keys.some((k) =>
    ["aws:sourcearn", "aws:sourceaccount", "aws:principalorgid", "aws:principalaccount", "aws:sourcevpce", "aws:sourcevpc", "aws:sourceip", "aws:principalarn"].includes(k),
  );
}

const identifierCache = new WeakMap<ResourceView, Set<string>>();

/**
 * Identifiers a reference to this resource may carry: its id, name, bucket name, ARN and the ARN's last segment
 * (a security group's id is `…:security-group/sg-…`).
 */
export function identifiersOf(r: ResourceView): Set<string> {
  const cached = identifierCache.get(r);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache miss recomputes the same set
  if (cached) return cached;
  const ids = new Set<string>();
  for (const k of ["id", "bucket", "arn", "name", "clusterIdentifier", "zoneId"]) {
    const v = r.props[k];
    if (typeof v === "string" && v !== "") ids.add(v);
  }
  const arn = r.props.arn;
  if (typeof arn === "string") ids.add(arn.slice(arn.lastIndexOf("/") + 1));
  // Stryker disable next-line CallExpression: equivalent, not caching recomputes the same set
  identifierCache.set(r, ids);
  return ids;
}

/**
 * Whether `from.props[prop]` refers to `target`: by value when known; by the engine's dependency information when
 * the value is unknown (preview of new resources). `"unknown"` when neither can tell.
 */
export function refersTo(from: ResourceView, prop: string, target: ResourceView): boolean | "unknown" {
  const value = from.props[prop];
  // Stryker disable next-line StringLiteral,ConditionalExpression: equivalent, "" is never an identifier (identifiersOf) nor an AWS id, so it refers to nothing either way
  if (typeof value === "string" && value !== "") {
    if (identifiersOf(target).has(value)) return true;
    return idNotVisible(value, target) && dependsOn(from, prop, target);
  }
  if (isUnknown(value)) {
    const deps = from.propertyDependencies?.[prop] ?? from.dependencies;
    if (deps && deps.length > 0) return deps.includes(target.urn);
    return "unknown";
  }
  return false;
}

/**
 * The value the program gave a property, in a stack view: an unknown that depends on no resource is a computed output
 * the program left unset (the provider fills it in on creation), so it reads as absent, the AWS default. Without the
 * engine's dependency information an unknown stays unknown.
 */
export function programValue(r: ResourceView, prop: string): unknown {
  const value = r.props[prop];
  if (isUnknown(value) && r.propertyDependencies !== undefined && (r.propertyDependencies[prop] ?? []).length === 0) return undefined;
  return value;
}

/**
 * Whether a stack view sets a reference (a key id, a web ACL id, a log bucket) at `path` (`kmsKeyId`,
 * `loggingConfig.bucket`): a known non-empty string sets it; absent or empty does not. An unknown value sets it when the
 * engine's dependencies of its top-level property name one of `sources` (a KMS key of the stack for a key id): the value
 * is then that resource's output, which AWS always fills. Otherwise (a stack reference, a lookup, another resource's
 * output that may be empty) it is `"unknown"`, never set.
 */
export function referenceSet(r: ResourceView, path: string, sources: readonly ResourceView[]): boolean | "unknown" {
  const prop = path.split(".")[0];
  const value = valueAt({ [prop]: programValue(r, prop) }, path);
  if (typeof value === "string") return value !== "";
  if (!isUnknown(value)) return false;
  // Stryker disable next-line ArrayDeclaration: equivalent, a made-up entry in the empty default is no resource's URN
  const deps = r.propertyDependencies?.[prop] ?? r.dependencies ?? [];
  return sources.some((s) => deps.includes(s.urn)) || "unknown";
}

/**
 * The verdicts of a rule that requires every target to set a reference (`referenceSet`) at `path`, or at one of several
 * paths (a launch template's profile by name or by ARN): a violation "<label> <missing>." where none is set, cannot-judge
 * where none is set and one is unknown and comes from none of `sources`.
 */
export function referenceViolations(targets: readonly ResourceView[], path: string | readonly string[], sources: readonly ResourceView[], missing: string, sourceKind: string): StackViolation[] {
  const paths: readonly string[] = typeof path === "string" ? [path] : path;
  const out: StackViolation[] = [];
  for (const target of targets) {
    const set = paths.map((p) => referenceSet(target, p, sources));
    if (set.includes(true)) continue;
    const unknown = paths.filter((_, i) => set[i] === "unknown");
    if (unknown.length === 0) out.push({ resource: target, message: `${label(target)} ${missing}.` });
    else out.push({ resource: target, cannotJudge: true, message: `${label(target)}: ${unknown.join(" and ")} ${unknown.length > 1 ? "are" : "is"} unknown until the update and ${unknown.length > 1 ? "come" : "comes"} from no ${sourceKind} of this stack, so whether it is set cannot be known.` });
  }
  return out;
}

/** AWS resource ids (`lt-0abc…`, `sg-…`, `vpc-…`): 8 or 17 hex digits after a prefix. */
const AWS_ID = /^[a-z]+-([0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * A reference holds an AWS id that the target's properties do not show (a resource's id is not one of its
 * properties): then the engine's dependency information is the evidence.
 */
const idNotVisible = (value: string, target: ResourceView) => AWS_ID.test(value) && typeof target.props.id !== "string";

// Stryker disable next-line ArrayDeclaration: equivalent, a made-up entry in the empty default is no resource's URN
const dependsOn = (from: ResourceView, prop: string, target: ResourceView) => (from.propertyDependencies?.[prop] ?? from.dependencies ?? []).includes(target.urn);

/** Configuring resources indexed by what their reference property names, so coverage is not quadratic. */
interface RefIndex {
  readonly byValue: Map<string, ResourceView[]>;
  readonly byDependency: Map<string, ResourceView[]>;
  /** Known AWS-id references, by the URNs they depend on (for targets whose id is not a property). */
  readonly idsByDependency: Map<string, ResourceView[]>;
  /** Unknown references without dependency information: they may configure anything. */
  readonly unresolved: ResourceView[];
}

const indexCache = new WeakMap<readonly ResourceView[], Map<string, RefIndex>>();

function push(map: Map<string, ResourceView[]>, key: string, r: ResourceView) {
  const list = map.get(key);
  if (list) list.push(r);
  else map.set(key, [r]);
}

function refIndex(configs: readonly ResourceView[], prop: string): RefIndex {
  let byProp = indexCache.get(configs);
  // Stryker disable next-line ConditionalExpression: equivalent, a fresh map is a cache miss that rebuilds the same index
  if (!byProp) indexCache.set(configs, (byProp = new Map()));
  const cached = byProp.get(prop);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache miss rebuilds the same index
  if (cached) return cached;
  const index: RefIndex = { byValue: new Map(), byDependency: new Map(), idsByDependency: new Map(), unresolved: [] };
  for (const c of configs) {
    const value = c.props[prop];
    // Stryker disable next-line StringLiteral,ConditionalExpression: equivalent, "" indexed by value matches no target (identifiersOf has no "") and is no AWS id
    if (typeof value === "string" && value !== "") {
      push(index.byValue, value, c);
      // Stryker disable next-line ArrayDeclaration: equivalent, a made-up entry in the empty default is no resource's URN
      if (AWS_ID.test(value)) (c.propertyDependencies?.[prop] ?? c.dependencies ?? []).forEach((d) => push(index.idsByDependency, d, c));
    } else if (isUnknown(value)) {
      const deps = c.propertyDependencies?.[prop] ?? c.dependencies;
      if (deps && deps.length > 0) deps.forEach((d) => push(index.byDependency, d, c));
      else index.unresolved.push(c);
    }
  }
  // Stryker disable next-line CallExpression: equivalent, not caching rebuilds the same index
  byProp.set(prop, index);
  return index;
}

/**
 * Coverage of a target by configuring resources (a bucket by its BucketVersioning, an ALB by its WebAclAssociation):
 * `covered` when a matching configuration is accepted, `unknown` when a configuration that may match cannot be
 * judged during preview (then no violation is reported), otherwise `uncovered`. Pass the same `configs` array for
 * every target of one check: it is indexed once.
 */
/** The configuring resources that refer to `target`, and whether some reference cannot be resolved. */
export function referrers(target: ResourceView, configs: readonly ResourceView[], prop: string): { matches: ResourceView[]; unresolved: boolean } {
  const index = refIndex(configs, prop);
  const matching = new Set<ResourceView>(index.byDependency.get(target.urn) ?? []);
  for (const id of identifiersOf(target)) for (const c of index.byValue.get(id) ?? []) matching.add(c);
  if (typeof target.props.id !== "string") for (const c of index.idsByDependency.get(target.urn) ?? []) matching.add(c);
  return { matches: [...matching], unresolved: index.unresolved.length > 0 };
}

export function coverage(
  target: ResourceView,
  configs: readonly ResourceView[],
  prop: string,
  accept: (config: ResourceView) => boolean | "unknown" = () => true,
): "covered" | "uncovered" | "unknown" {
  const index = refIndex(configs, prop);
  let unknown = false;
  for (const c of referrers(target, configs, prop).matches) {
    const ok = accept(c);
    if (ok === true) return "covered";
    if (ok === "unknown") unknown = true;
  }
  if (index.unresolved.some((c) => accept(c) !== false)) unknown = true;
  return unknown ? "unknown" : "uncovered";
}

/**
 * Violations for targets no configuring resource covers, cannot-judge verdicts for those whose coverage is unknown at
 * preview: "<kind> <label> <missing>." / "<kind> <label>: whether <configuring> exists is unknown until the update."
 */
export function coverageViolations(targets: readonly ResourceView[], configs: readonly ResourceView[], prop: string, kind: string, missing: string, configuring: string): StackViolation[] {
  const out: StackViolation[] = [];
  for (const target of targets) {
    const verdict = coverage(target, configs, prop);
    if (verdict === "uncovered") out.push({ resource: target, message: `${kind} ${label(target)} ${missing}.` });
    if (verdict === "unknown") out.push({ resource: target, cannotJudge: true, message: `${kind} ${label(target)}: whether ${configuring} exists is unknown until the update.` });
  }
  return out;
}

/** `ofType` that returns the same array for the same resources and types, so indexes built on it are reused. */
const typeCache = new WeakMap<readonly ResourceView[], Map<string, ResourceView[]>>();
export function ofTypeCached(resources: readonly ResourceView[], types: readonly string[]): ResourceView[] {
  let byKey = typeCache.get(resources);
  // Stryker disable next-line ConditionalExpression: equivalent, a fresh map is a cache miss that filters again
  if (!byKey) typeCache.set(resources, (byKey = new Map()));
  // Stryker disable next-line StringLiteral: equivalent, type tokens contain ":" so no two lists join to the same key without a separator
  const key = types.join(",");
  let found = byKey.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent when always true, a cache miss filters again (the MethodExpression mutant is not disabled)
  if (!found) byKey.set(key, (found = resources.filter((r) => types.includes(r.type))));
  return found;
}

/** The qualified type of a URN (`parent$child` types), so a resource's component ancestry can be read from it. */
export function qualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/** True when the resource was created by (is a descendant of) a component of this type. */
export function underComponent(r: ResourceView, componentType: string, byUrn: ReadonlyMap<string, ResourceView>): boolean {
  if (qualifiedType(r.urn).split("$").slice(0, -1).includes(componentType)) return true;
  const seen = new Set<string>();
  for (let p = r.parent; p && !seen.has(p); p = byUrn.get(p)?.parent) {
    seen.add(p);
    if (byUrn.get(p)?.type === componentType || qualifiedType(p).split("$").includes(componentType)) return true;
  }
  return false;
}

export const byUrn = (resources: readonly ResourceView[]) => new Map(resources.map((r) => [r.urn, r]));

/** A short name for messages. */
/** A value named in a message (an origin id, a device name): one unknown at preview says so, where `${}` would throw. */
export const shown = (v: unknown): string => (isUnknown(v) ? "(unknown until the update)" : String(v));

export const label = (r: ResourceView) => `${r.name} (${r.type.split(":").pop()})`;

/** Deep search: does any string inside `value` equal or start with one of the needles (ARN prefixes)? */
export function mentions(value: unknown, needles: readonly string[], depth = 0): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent for `value === undefined`, undefined falls through every typeof test to `return false`
  if (depth > 12 || value === null || value === undefined || isUnknown(value)) return false;
  if (typeof value === "string") {
    if (needles.some((n) => value === n || value.startsWith(`${n}/`))) return true;
    if (value.startsWith("{") || value.startsWith("[")) {
      // Stryker disable BlockStatement: equivalent for the catch block, falling out of it reaches `return false`
      try {
        return mentions(JSON.parse(value), needles, depth + 1);
      } catch {
        return false;
      }
      // Stryker restore BlockStatement
    }
    return false;
  }
  // Stryker disable next-line ConditionalExpression: equivalent when always true, numbers and booleans have no values to search
  if (typeof value === "object") return Object.values(value as object).some((v) => mentions(v, needles, depth + 1));
  return false;
}
