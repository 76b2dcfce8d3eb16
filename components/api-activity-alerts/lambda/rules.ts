import { CidrSet, parseCidr, parseIp } from "../../shared/net/cidr";
import { globToRegExp } from "../../shared/runtime/glob";
import { ZonedClock } from "./time-zone";

/**
 * The rules of ApiActivityAlerts as typed data: written in the component's args, serialised to the function's
 * environment, and validated by the same code at construction time and at cold start.
 */

// Named `as const` objects with a same-named union type: callers pass the plain strings, and Pulumi's schema inference
// turns each into a named enum for the other languages.

/** A day of the week. */
export const Weekday = { Mon: "Mon", Tue: "Tue", Wed: "Wed", Thu: "Thu", Fri: "Fri", Sat: "Sat", Sun: "Sun" } as const;
export type Weekday = (typeof Weekday)[keyof typeof Weekday];
export const WEEKDAYS: readonly Weekday[] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** What a matching rule does. */
export const ActivityRuleEffect = {
  /** Select the matching calls for review. */
  Include: "include",
  /** Drop the matching calls, even when an include rule matched them. */
  Exclude: "exclude",
} as const;
export type ActivityRuleEffect = (typeof ActivityRuleEffect)[keyof typeof ActivityRuleEffect];

/** Whether a rule's time windows select calls inside a window or outside every window. */
export const TimeWindowsMatch = {
  Inside: "inside",
  /** Off-hours: outside every window. */
  Outside: "outside",
} as const;
export type TimeWindowsMatch = (typeof TimeWindowsMatch)[keyof typeof TimeWindowsMatch];

/** A weekly time window in a named IANA time zone; `end` before `start` means the window runs across midnight. */
export interface TimeWindow {
  /** IANA time zone name, for example "Asia/Tokyo". */
  readonly timeZone: string;
  /** Local start time "HH:MM" (inclusive). */
  readonly start: string;
  /** Local end time "HH:MM" (exclusive); earlier than `start` for a window across midnight ("22:00"–"06:00"). */
  readonly end: string;
  /** Days the window starts on (a window across midnight continues into the next day); all days when omitted. */
  readonly days?: Weekday[];
}

/** One rule: every condition given must hold (within a list, any entry may match). */
export interface ActivityRule {
  /** Name shown in notifications ("console-changes-off-hours"). */
  readonly name: string;
  /** "include" selects matching calls for review; "exclude" drops them even when an include rule matched. */
  readonly effect?: ActivityRuleEffect;
  /** Event sources, globs ("ec2.amazonaws.com", "iam.*"). */
  readonly eventSources?: string[];
  /** Event names, globs ("Authorize*", "Delete*", "PutBucketPolicy"). */
  readonly eventNames?: string[];
  /** Identity types: Root, IAMUser, AssumedRole, FederatedUser, AWSService, AWSAccount, IdentityCenterUser. */
  readonly identityTypes?: string[];
  /** Identity ARNs, globs; matched against the caller's ARN and its session issuer's ARN. */
  readonly identityArns?: string[];
  /** The call came from one of these CIDRs. */
  readonly sourceIpIn?: string[];
  /** The call came from an IP address outside all of these CIDRs (an unexpected source; service hostnames never match). */
  readonly sourceIpNotIn?: string[];
  /** Only read-only calls (true) or only changes (false). */
  readonly readOnly?: boolean;
  /** Error codes, globs ("AccessDenied*"); "*" means any failed call. */
  readonly errorCodes?: string[];
  /** Regions the call was made in. */
  readonly regions?: string[];
  /** Time windows; the call's time must fall inside one (or outside all, with `timeWindowsMatch: "outside"`). */
  readonly timeWindows?: TimeWindow[];
  /** Whether `timeWindows` select calls inside a window (default) or outside every window (off-hours). */
  readonly timeWindowsMatch?: TimeWindowsMatch;
}

const RULE_FIELDS = new Set([
  "name", "effect", "eventSources", "eventNames", "identityTypes", "identityArns", "sourceIpIn", "sourceIpNotIn",
  "readOnly", "errorCodes", "regions", "timeWindows", "timeWindowsMatch",
]);
const IDENTITY_TYPES = new Set(["Root", "IAMUser", "AssumedRole", "FederatedUser", "AWSService", "AWSAccount", "IdentityCenterUser", "Unknown"]);
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_RULES = 100;

/** The part of a CloudTrail record the rules read; every field untrusted. */
export interface CloudTrailRecord {
  eventTime?: unknown;
  eventSource?: unknown;
  eventName?: unknown;
  awsRegion?: unknown;
  sourceIPAddress?: unknown;
  userAgent?: unknown;
  userIdentity?: unknown;
  errorCode?: unknown;
  readOnly?: unknown;
  eventID?: unknown;
  recipientAccountId?: unknown;
  [key: string]: unknown;
}

interface CompiledWindow {
  readonly clock: ZonedClock;
  readonly startMin: number;
  readonly endMin: number;
  readonly days: ReadonlySet<number>;
}

interface CompiledRule {
  readonly name: string;
  readonly include: boolean;
  readonly eventSources?: RegExp[];
  readonly eventNames?: RegExp[];
  readonly identityTypes?: ReadonlySet<string>;
  readonly identityArns?: RegExp[];
  readonly sourceIpIn?: CidrSet;
  readonly sourceIpNotIn?: CidrSet;
  readonly readOnly?: boolean;
  readonly errorCodes?: RegExp[];
  readonly regions?: ReadonlySet<string>;
  readonly windows?: CompiledWindow[];
  readonly outside: boolean;
}

export interface RuleSetOptions {
  /** Drop calls AWS services made by themselves (the three markers); on by default. */
  readonly excludeAwsServiceCalls?: boolean;
}

/** Why a record was selected: the include rules that matched. */
export interface Selection {
  readonly rules: string[];
}

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

function stringList(value: unknown, where: string, check?: (s: string) => void): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) fail(where, "must be a non-empty list of strings");
  return value.map((item, i) => {
    if (typeof item !== "string" || item.length === 0 || item.length > 512) fail(`${where}[${i}]`, "must be a non-empty string of at most 512 characters");
    check?.(item);
    return item;
  });
}

function minutes(text: unknown, where: string): number {
  if (typeof text !== "string") fail(where, 'must be a time "HH:MM"');
  const m = HHMM.exec(text);
  if (!m) fail(where, `"${text}" is not a time "HH:MM" (00:00–23:59)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function validateWindow(value: unknown, where: string): TimeWindow {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(where, "must be an object");
  const w = value as Record<string, unknown>;
  for (const key of Object.keys(w)) if (!["timeZone", "start", "end", "days"].includes(key)) fail(where, `unknown field "${key}"`);
  if (typeof w.timeZone !== "string") fail(`${where}.timeZone`, 'must be an IANA time zone name ("Asia/Tokyo")');
  if (!ZonedClock.isValidZone(w.timeZone)) fail(`${where}.timeZone`, `"${w.timeZone}" is not an IANA time zone`);
  const start = minutes(w.start, `${where}.start`);
  const end = minutes(w.end, `${where}.end`);
  if (start === end) fail(where, "start and end are equal: an empty window (omit timeWindows to match all day)");
  const days = stringList(w.days, `${where}.days`, (d) => {
    if (!(WEEKDAYS as readonly string[]).includes(d)) fail(`${where}.days`, `"${d}" is not one of ${WEEKDAYS.join(", ")}`);
  });
  return { timeZone: w.timeZone, start: w.start as string, end: w.end as string, ...(days ? { days: days as Weekday[] } : {}) };
}

function validateCidrs(value: unknown, where: string): string[] | undefined {
  return stringList(value, where, (c) => {
    const parsed = parseCidr(c, { strict: true });
    if (!parsed.ok) fail(where, `"${c}" is not a CIDR or IP address without host bits (${parsed.reason})`);
  });
}

function validateGlobs(value: unknown, where: string): string[] | undefined {
  return stringList(value, where);
}

/** Checks one rule (from args or from the environment) and returns it typed; throws with the field's path. */
export function validateRule(value: unknown, where: string): ActivityRule {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(where, "must be an object");
  const r = value as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!RULE_FIELDS.has(key)) fail(where, `unknown field "${key}"`);
  if (typeof r.name !== "string" || !/^[A-Za-z0-9._ -]{1,64}$/.test(r.name)) fail(`${where}.name`, "must be 1–64 letters, digits, spaces or . _ -");
  if (r.effect !== undefined && r.effect !== "include" && r.effect !== "exclude") fail(`${where}.effect`, 'must be "include" or "exclude"');
  if (r.readOnly !== undefined && typeof r.readOnly !== "boolean") fail(`${where}.readOnly`, "must be true or false");
  if (r.timeWindowsMatch !== undefined && r.timeWindowsMatch !== "inside" && r.timeWindowsMatch !== "outside") {
    fail(`${where}.timeWindowsMatch`, 'must be "inside" or "outside"');
  }
  const identityTypes = stringList(r.identityTypes, `${where}.identityTypes`, (t) => {
    if (!IDENTITY_TYPES.has(t)) fail(`${where}.identityTypes`, `"${t}" is not one of ${[...IDENTITY_TYPES].join(", ")}`);
  });
  let timeWindows: TimeWindow[] | undefined;
  if (r.timeWindows !== undefined) {
    if (!Array.isArray(r.timeWindows) || r.timeWindows.length === 0) fail(`${where}.timeWindows`, "must be a non-empty list");
    timeWindows = r.timeWindows.map((w, i) => validateWindow(w, `${where}.timeWindows[${i}]`));
  } else if (r.timeWindowsMatch !== undefined) {
    fail(`${where}.timeWindowsMatch`, "needs timeWindows");
  }
  const rule: ActivityRule = {
    name: r.name,
    effect: (r.effect as ActivityRuleEffect | undefined) ?? "include",
    eventSources: validateGlobs(r.eventSources, `${where}.eventSources`),
    eventNames: validateGlobs(r.eventNames, `${where}.eventNames`),
    identityTypes,
    identityArns: validateGlobs(r.identityArns, `${where}.identityArns`),
    sourceIpIn: validateCidrs(r.sourceIpIn, `${where}.sourceIpIn`),
    sourceIpNotIn: validateCidrs(r.sourceIpNotIn, `${where}.sourceIpNotIn`),
    readOnly: r.readOnly as boolean | undefined,
    errorCodes: validateGlobs(r.errorCodes, `${where}.errorCodes`),
    regions: stringList(r.regions, `${where}.regions`, (g) => {
      if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(g)) fail(`${where}.regions`, `"${g}" is not an AWS Region`);
    }),
    timeWindows,
    timeWindowsMatch: r.timeWindowsMatch as TimeWindowsMatch | undefined,
  };
  const conditions = Object.entries(rule).filter(([k, v]) => k !== "name" && k !== "effect" && k !== "timeWindowsMatch" && v !== undefined);
  if (conditions.length === 0) fail(where, `rule "${rule.name}" has no condition: it would match every call`);
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as unknown as ActivityRule;
}

/** Checks a whole rule list: at least one include rule, unique names, at most 100 rules. */
export function validateRules(value: unknown, where = "rules"): ActivityRule[] {
  if (!Array.isArray(value) || value.length === 0) fail(where, "must be a non-empty list of rules");
  if (value.length > MAX_RULES) fail(where, `has ${value.length} rules; at most ${MAX_RULES}`);
  const rules = value.map((r, i) => validateRule(r, `${where}[${i}]`));
  const names = new Set<string>();
  for (const r of rules) {
    if (names.has(r.name)) fail(where, `two rules are named "${r.name}"`);
    names.add(r.name);
  }
  if (!rules.some((r) => r.effect !== "exclude")) fail(where, "has no include rule: nothing would ever be selected");
  return rules;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

interface Identity {
  readonly type?: string;
  readonly arn?: string;
  readonly issuerArn?: string;
  readonly invokedBy?: string;
}

function identityOf(record: CloudTrailRecord): Identity {
  const id = record.userIdentity;
  if (typeof id !== "object" || id === null) return {};
  const u = id as Record<string, unknown>;
  const ctx = u.sessionContext as Record<string, unknown> | undefined;
  const issuer = typeof ctx === "object" && ctx !== null ? (ctx.sessionIssuer as Record<string, unknown> | undefined) : undefined;
  return {
    type: str(u.type),
    arn: str(u.arn),
    issuerArn: typeof issuer === "object" && issuer !== null ? str(issuer.arn) : undefined,
    invokedBy: str(u.invokedBy),
  };
}

/**
 * True when AWS made the call by itself (event-formats.md §5): an AWSService identity, a session of a service-linked
 * role, or `invokedBy: "AWS Internal"`. A service-linked role is known by its issuer's path `/aws-service-role/`,
 * which only AWS can create; never by its name, since anyone allowed to create roles can name one `AWSServiceRoleFor…`.
 */
export function isAwsServiceCall(record: CloudTrailRecord): boolean {
  return madeByAws(identityOf(record));
}

function madeByAws(id: Identity): boolean {
  if (id.type === "AWSService") return true;
  if (id.invokedBy === "AWS Internal") return true;
  return id.type === "AssumedRole" && id.issuerArn !== undefined && /^arn:[\w-]+:iam::\d{12}:role\/aws-service-role\//.test(id.issuerArn);
}

function anyMatch(patterns: RegExp[], value: string | undefined): boolean {
  if (value === undefined) return false;
  for (const p of patterns) if (p.test(value)) return true;
  return false;
}

function compileWindow(w: TimeWindow): CompiledWindow {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const days = w.days ? new Set(w.days.map((d) => WEEKDAYS.indexOf(d))) : new Set([0, 1, 2, 3, 4, 5, 6]);
  return { clock: ZonedClock.of(w.timeZone), startMin: toMin(w.start), endMin: toMin(w.end), days };
}

function inWindow(w: CompiledWindow, epochMs: number): boolean {
  const { weekday, minuteOfDay } = w.clock.local(epochMs);
  if (w.startMin < w.endMin) return w.days.has(weekday) && minuteOfDay >= w.startMin && minuteOfDay < w.endMin;
  // Across midnight: the evening part belongs to the start day, the morning part to the day before.
  if (minuteOfDay >= w.startMin) return w.days.has(weekday);
  if (minuteOfDay < w.endMin) return w.days.has((weekday + 6) % 7);
  return false;
}

function compileRule(rule: ActivityRule): CompiledRule {
  const globs = (list?: string[]) => list?.map((g) => globToRegExp(g));
  return {
    name: rule.name,
    include: rule.effect !== "exclude",
    eventSources: globs(rule.eventSources),
    eventNames: globs(rule.eventNames),
    identityTypes: rule.identityTypes ? new Set(rule.identityTypes) : undefined,
    identityArns: globs(rule.identityArns),
    sourceIpIn: rule.sourceIpIn ? new CidrSet(rule.sourceIpIn) : undefined,
    sourceIpNotIn: rule.sourceIpNotIn ? new CidrSet(rule.sourceIpNotIn) : undefined,
    readOnly: rule.readOnly,
    errorCodes: globs(rule.errorCodes),
    regions: rule.regions ? new Set(rule.regions) : undefined,
    windows: rule.timeWindows?.map(compileWindow),
    outside: rule.timeWindowsMatch === "outside",
  };
}

function readOnlyOf(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

function matches(rule: CompiledRule, record: CloudTrailRecord, id: Identity): boolean {
  if (rule.eventSources && !anyMatch(rule.eventSources, str(record.eventSource))) return false;
  if (rule.eventNames && !anyMatch(rule.eventNames, str(record.eventName))) return false;
  // Stryker disable next-line StringLiteral: equivalent, made-up text is no Region, identity type, address or time, as "" is not
  if (rule.regions && !rule.regions.has(str(record.awsRegion) ?? "")) return false;
  if (rule.readOnly !== undefined && readOnlyOf(record.readOnly) !== rule.readOnly) return false;
  if (rule.errorCodes && !anyMatch(rule.errorCodes, str(record.errorCode))) return false;
  // Stryker disable next-line StringLiteral: equivalent, made-up text is no Region, identity type, address or time, as "" is not
  if (rule.identityTypes && !rule.identityTypes.has(id.type ?? "")) return false;
  if (rule.identityArns && !anyMatch(rule.identityArns, id.arn) && !anyMatch(rule.identityArns, id.issuerArn)) return false;
  if (rule.sourceIpIn || rule.sourceIpNotIn) {
    // sourceIPAddress is a service hostname for calls AWS makes on the caller's behalf: never an IP match.
    // Stryker disable next-line StringLiteral: equivalent, made-up text is no Region, identity type, address or time, as "" is not
    const ip = parseIp(str(record.sourceIPAddress) ?? "");
    if (!ip.ok) return false;
    if (rule.sourceIpIn && !rule.sourceIpIn.contains(ip.value.text)) return false;
    if (rule.sourceIpNotIn && rule.sourceIpNotIn.contains(ip.value.text)) return false;
  }
  if (rule.windows) {
    // Stryker disable next-line StringLiteral: equivalent, made-up text is no Region, identity type, address or time, as "" is not
    const time = Date.parse(str(record.eventTime) ?? "");
    if (Number.isNaN(time)) return false;
    const inside = rule.windows.some((w) => inWindow(w, time));
    if (inside === rule.outside) return false;
  }
  return true;
}

/** Compiled rules: selects records for review (include and not exclude, service-made calls dropped by default). */
export class RuleSet {
  private readonly includes: CompiledRule[];
  private readonly excludes: CompiledRule[];
  readonly excludeAwsServiceCalls: boolean;

  constructor(rules: readonly ActivityRule[], options: RuleSetOptions = {}) {
    const compiled = validateRules(rules).map(compileRule);
    this.includes = compiled.filter((r) => r.include);
    this.excludes = compiled.filter((r) => !r.include);
    this.excludeAwsServiceCalls = options.excludeAwsServiceCalls ?? true;
  }

  /** The include rules a record matches, or undefined when it is not selected. */
  select(record: CloudTrailRecord): Selection | undefined {
    // Read once per record, for the service-call markers and every rule on identities.
    const id = identityOf(record);
    if (this.excludeAwsServiceCalls && madeByAws(id)) return undefined;
    let names: string[] | undefined;
    for (const rule of this.includes) {
      if (matches(rule, record, id)) (names ??= []).push(rule.name);
    }
    if (!names) return undefined;
    for (const rule of this.excludes) if (matches(rule, record, id)) return undefined;
    return { rules: names };
  }
}
