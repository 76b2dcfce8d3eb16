import * as ipaddr from "ipaddr.js";

/**
 * A small evaluator of IAM identity policies and permissions boundaries, written against AWS's documented evaluation
 * logic (IAM User Guide, "Policy evaluation logic" and "IAM JSON policy elements: Condition operators"), to answer
 * "is this request, signed this way, allowed?" in tests. The library of the field (@cloud-copilot/iam-simulate) is
 * AGPL-3.0, which an Apache-2.0 project cannot take even as a test dependency without a licence review.
 *
 * Covered: Allow/Deny with an explicit deny always winning; Action/NotAction (case-insensitive, `*` and `?`);
 * Resource/NotResource (case-sensitive wildcards, `${aws:...}` policy variables, not the `${*}` escapes); every string, numeric, date, Bool,
 * IP, ARN and Null operator, `...IfExists`, `ForAnyValue:`/`ForAllValues:`; a missing key makes a condition false
 * except for negated operators, IfExists and ForAllValues (true); a permissions boundary must also allow.
 * Not covered (the tests do not need them): resource policies, SCPs/RCPs, session policies, Principal matching.
 */

export type ContextValue = string | boolean | number | readonly string[];

export interface IamRequest {
  /** `service:Action`. */
  readonly action: string;
  /** The resource ARN, or `*` for actions AWS does not scope to a resource. */
  readonly resource: string;
  /** Condition keys of the request (names are case-insensitive); a key not given is absent from the request. */
  readonly context?: Readonly<Record<string, ContextValue | undefined>>;
}

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface Policy {
  readonly Statement: PolicyStatement | readonly PolicyStatement[];
}

export interface PrincipalPolicies {
  /** Inline and managed policies of the principal (a JSON string or a parsed document each). */
  readonly identity: ReadonlyArray<Policy | string>;
  /** The principal's permissions boundary, when it has one. */
  readonly boundary?: Policy | string;
}

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";

export interface Evaluation {
  readonly decision: Decision;
  /** Sids (or indexes) of the statements that decided: the denying ones, else the allowing ones. */
  readonly statements: string[];
  /** With a boundary: whether the boundary allowed the request. */
  readonly boundaryAllows?: boolean;
}

const list = <T>(v: T | readonly T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? [...(v as T[])] : [v as T]);

function statementsOf(policy: Policy | string): PolicyStatement[] {
  const doc = typeof policy === "string" ? (JSON.parse(policy) as Policy) : policy;
  return list(doc.Statement as PolicyStatement | PolicyStatement[]);
}

/** IAM wildcards: `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "is" : "s").test(value);
}

function lookup(context: IamRequest["context"], key: string): ContextValue | undefined {
  if (!context) return undefined;
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Replaces `${aws:username}`-style variables; a variable absent from the request makes the element match nothing. */
function substitute(pattern: string, context: IamRequest["context"]): string | undefined {
  let missing = false;
  const out = pattern.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    const v = lookup(context, name);
    if (v === undefined || Array.isArray(v)) {
      missing = true;
      return "";
    }
    return String(v);
  });
  return missing ? undefined : out;
}

/** ARN matching: six colon-separated parts, each matched with wildcards (ArnEquals and ArnLike behave the same). */
function arnMatch(pattern: string, arn: string): boolean {
  const p = pattern.split(":");
  const a = arn.split(":");
  if (p.length < 6 || a.length < 6) return false;
  const head = (parts: string[]) => [...parts.slice(0, 5), parts.slice(5).join(":")];
  const [ph, ah] = [head(p), head(a)];
  return ph.every((part, i) => wildcardMatch(part, ah[i]));
}

type Matcher = (policyValue: string, requestValue: string) => boolean;

const numeric = (cmp: (a: number, b: number) => boolean): Matcher => (p, r) => !Number.isNaN(Number(r)) && cmp(Number(r), Number(p));
const dateOf = (v: string) => (/^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v));
const date = (cmp: (a: number, b: number) => boolean): Matcher => (p, r) => !Number.isNaN(dateOf(r)) && cmp(dateOf(r), dateOf(p));
const ipMatch: Matcher = (p, r) => {
  try {
    const addr = ipaddr.parse(r);
    const [range, bits] = p.includes("/") ? ipaddr.parseCIDR(p) : [ipaddr.parse(p), ipaddr.parse(p).kind() === "ipv4" ? 32 : 128];
    return addr.kind() === range.kind() && addr.match(range, bits);
  } catch {
    return false;
  }
};

/** Each base operator: how one policy value matches one request value, and whether the operator is negated. */
const OPERATORS: Record<string, { match: Matcher; negated: boolean }> = {
  StringEquals: { match: (p, r) => p === r, negated: false },
  StringNotEquals: { match: (p, r) => p === r, negated: true },
  StringEqualsIgnoreCase: { match: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: false },
  StringNotEqualsIgnoreCase: { match: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: true },
  StringLike: { match: (p, r) => wildcardMatch(p, r), negated: false },
  StringNotLike: { match: (p, r) => wildcardMatch(p, r), negated: true },
  NumericEquals: { match: numeric((r, p) => r === p), negated: false },
  NumericNotEquals: { match: numeric((r, p) => r === p), negated: true },
  NumericLessThan: { match: numeric((r, p) => r < p), negated: false },
  NumericLessThanEquals: { match: numeric((r, p) => r <= p), negated: false },
  NumericGreaterThan: { match: numeric((r, p) => r > p), negated: false },
  NumericGreaterThanEquals: { match: numeric((r, p) => r >= p), negated: false },
  DateEquals: { match: date((r, p) => r === p), negated: false },
  DateNotEquals: { match: date((r, p) => r === p), negated: true },
  DateLessThan: { match: date((r, p) => r < p), negated: false },
  DateLessThanEquals: { match: date((r, p) => r <= p), negated: false },
  DateGreaterThan: { match: date((r, p) => r > p), negated: false },
  DateGreaterThanEquals: { match: date((r, p) => r >= p), negated: false },
  Bool: { match: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: false },
  BinaryEquals: { match: (p, r) => p === r, negated: false },
  IpAddress: { match: ipMatch, negated: false },
  NotIpAddress: { match: ipMatch, negated: true },
  ArnEquals: { match: arnMatch, negated: false },
  ArnLike: { match: arnMatch, negated: false },
  ArnNotEquals: { match: arnMatch, negated: true },
  ArnNotLike: { match: arnMatch, negated: true },
};

/** One operator/key pair of a Condition block against the request. */
export function conditionHolds(operator: string, key: string, policyValues: unknown, context: IamRequest["context"]): boolean {
  const values = list(policyValues as string | string[]).map((v) => String(v));
  const actual = lookup(context, key);
  if (operator === "Null") {
    // "true": the key must be absent; "false": present.
    return values.some((v) => (v === "true") === (actual === undefined));
  }
  const qualifier = /^(ForAnyValue|ForAllValues):/.exec(operator)?.[1];
  const rest = qualifier ? operator.slice(qualifier.length + 1) : operator;
  const ifExists = rest.endsWith("IfExists");
  const base = ifExists ? rest.slice(0, -"IfExists".length) : rest;
  const op = OPERATORS[base];
  if (!op) throw new Error(`the evaluator does not know the condition operator ${operator}`);
  if (actual === undefined) {
    if (ifExists) return true;
    if (qualifier === "ForAllValues") return true;
    if (qualifier === "ForAnyValue") return false;
    return op.negated;
  }
  const requestValues = list(actual as string | readonly string[]).map((v) => String(v));
  // Per request value: positive operators need a match with any policy value; negated ones need no match with any.
  const valueHolds = (r: string) => {
    const matched = values.some((p) => {
      const resolved = substitute(p, context);
      return resolved !== undefined && op.match(resolved, r);
    });
    return op.negated ? !matched : matched;
  };
  if (qualifier === "ForAllValues") return requestValues.every(valueHolds);
  return requestValues.some(valueHolds);
}

function actionMatches(patterns: string[], action: string): boolean {
  return patterns.some((p) => wildcardMatch(p, action, true));
}

function resourceMatches(patterns: string[], resource: string, context: IamRequest["context"]): boolean {
  return patterns.some((p) => {
    const resolved = substitute(p, context);
    if (resolved === undefined) return false;
    if (resolved === "*") return true;
    // A request without a resource (`*`) is matched only by `*`.
    if (resource === "*") return false;
    return resolved.startsWith("arn:") ? arnMatch(resolved, resource) : wildcardMatch(resolved, resource);
  });
}

/** Whether one statement applies to the request (its effect aside). */
export function statementApplies(s: PolicyStatement, req: IamRequest): boolean {
  const actionOk = s.Action !== undefined ? actionMatches(list(s.Action), req.action) : !actionMatches(list(s.NotAction), req.action);
  if (!actionOk) return false;
  const resourceOk = s.Resource !== undefined ? resourceMatches(list(s.Resource), req.resource, req.context) : !resourceMatches(list(s.NotResource), req.resource, req.context);
  if (!resourceOk) return false;
  return Object.entries(s.Condition ?? {}).every(([operator, keys]) => Object.entries(keys).every(([key, v]) => conditionHolds(operator, key, v, req.context)));
}

function applying(policies: ReadonlyArray<Policy | string>, req: IamRequest, effect: "Allow" | "Deny"): string[] {
  return policies.flatMap((p, pi) =>
    statementsOf(p)
      .map((s, si) => ({ s, id: s.Sid ?? `policy${pi}.statement${si}` }))
      .filter(({ s }) => s.Effect === effect && statementApplies(s, req))
      .map(({ id }) => id),
  );
}

/**
 * The decision for a request by a principal in its own account: an explicit Deny in any policy (boundary included)
 * wins; otherwise an identity Allow is needed, and with a boundary, a boundary Allow too.
 */
export function evaluate(policies: PrincipalPolicies, req: IamRequest): Evaluation {
  const all = policies.boundary !== undefined ? [...policies.identity, policies.boundary] : policies.identity;
  const denies = applying(all, req, "Deny");
  if (denies.length > 0) return { decision: "explicitDeny", statements: denies };
  const allows = applying(policies.identity, req, "Allow");
  const boundaryAllows = policies.boundary !== undefined ? applying([policies.boundary], req, "Allow").length > 0 : undefined;
  const decision: Decision = allows.length > 0 && boundaryAllows !== false ? "allowed" : "implicitDeny";
  return { decision, statements: allows, ...(boundaryAllows !== undefined ? { boundaryAllows } : {}) };
}

/** The condition keys AWS adds to a request according to the credentials that signed it. */
export function signingContext(credentials: { kind: "long-term" } | { kind: "temporary"; issuedAt: string }, principalArn: string): Record<string, ContextValue> {
  return {
    "aws:PrincipalArn": principalArn,
    // aws:TokenIssueTime exists only in requests signed with temporary credentials.
    ...(credentials.kind === "temporary" ? { "aws:TokenIssueTime": credentials.issuedAt } : {}),
    "aws:SecureTransport": true,
  };
}
