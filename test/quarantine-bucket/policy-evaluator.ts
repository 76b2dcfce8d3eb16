/**
 * A small evaluator of S3 bucket-policy Deny statements, enough to answer "would this request be refused?" for the
 * policies Kamae writes: Principal "*", Action lists with exact names or `s3:*`, Resource ARNs with a trailing `/*`,
 * and the condition operators Bool, ArnNotLike and ArnLike (wildcards `*` and `?`).
 */
export interface Request {
  readonly principalArn: string;
  readonly action: string;
  readonly resource: string;
  readonly secureTransport: boolean;
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);

function glob(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return re.test(value);
}

function conditionHolds(condition: Record<string, Record<string, unknown>> | undefined, req: Request): boolean {
  for (const [operator, entries] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(entries)) {
      const actual = key === "aws:SecureTransport" ? String(req.secureTransport) : key === "aws:PrincipalArn" ? req.principalArn : undefined;
      if (actual === undefined) throw new Error(`the evaluator does not know the condition key ${key}`);
      const values = asList(expected);
      if (operator === "Bool" && !values.includes(actual)) return false;
      else if (operator === "ArnNotLike" && values.some((p) => glob(p, actual))) return false;
      else if (operator === "ArnLike" && !values.some((p) => glob(p, actual))) return false;
      else if (!["Bool", "ArnNotLike", "ArnLike"].includes(operator)) throw new Error(`the evaluator does not know the operator ${operator}`);
    }
  }
  return true;
}

/** The Sids of the Deny statements that refuse the request (empty: not explicitly denied). */
export function denyingStatements(policy: { Statement: any[] }, req: Request): string[] {
  return policy.Statement.filter(
    (s) =>
      s.Effect === "Deny" &&
      (s.Principal === "*" || asList(s.Principal?.AWS).includes("*")) &&
      asList(s.Action).some((a) => a === req.action || (a.endsWith(":*") && req.action.startsWith(a.slice(0, -1)))) &&
      asList(s.Resource).some((r) => glob(r, req.resource)) &&
      conditionHolds(s.Condition, req),
  ).map((s) => s.Sid as string);
}
