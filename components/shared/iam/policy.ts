import * as pulumi from "@pulumi/pulumi";
import { listOutput } from "../validation";

/**
 * Least-privilege IAM documents built from typed statements. Every component builds its policies here so that one
 * place refuses the mistakes that make a policy dangerous: `*` actions, service-wide wildcards, empty statements.
 */

/** A condition block: operator → key → value(s), exactly as IAM writes it. */
export type Conditions = Record<string, Record<string, pulumi.Input<string | string[] | boolean>>>;

export interface Statement {
  /** Statement id; helps a reader of the deployed policy. Letters and digits only. */
  readonly sid?: string;
  readonly effect?: "Allow" | "Deny";
  /** Fully named actions (`ec2:CreateTags`). Wildcards are refused unless `allowActionWildcards` is set. */
  readonly actions: readonly string[];
  /**
   * Resource ARNs; `"*"` only for actions that AWS does not scope to resources (say which in `sid`). A list known only
   * at deploy (built from a list argument given as an output) may turn out empty: the statement then matches nothing
   * and is left out of the document, as IAM refuses a statement without resources.
   */
  readonly resources: readonly pulumi.Input<string>[] | pulumi.Output<string[]>;
  readonly conditions?: Conditions;
  /** Prefix wildcards such as `s3:GetObject*`, for actions families that AWS versions (never `*` or `svc:*`). */
  readonly allowActionWildcards?: boolean;
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Array<{
    Sid?: string;
    Effect: "Allow" | "Deny";
    Action: string[];
    Resource: string[];
    Condition?: Record<string, Record<string, string | string[] | boolean>>;
    Principal?: unknown;
  }>;
}

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*]+$/;

/** Throws when a statement would grant more than its author meant: used at construction time, so `pulumi preview` fails. */
export function validateStatement(s: Statement): void {
  if (s.actions.length === 0) throw new Error(`IAM statement ${s.sid ?? ""} has no actions`);
  if (Array.isArray(s.resources) && s.resources.length === 0) throw new Error(`IAM statement ${s.sid ?? ""} has no resources`);
  if (s.sid !== undefined && !/^[A-Za-z0-9]+$/.test(s.sid)) throw new Error(`IAM statement id "${s.sid}" must be alphanumeric`);
  for (const action of s.actions) {
    if (!ACTION.test(action)) throw new Error(`"${action}" is not an IAM action of the form service:Action`);
    const [, name] = action.split(":");
    if (name === "*" || action === "*") throw new Error(`IAM action "${action}" grants a whole service: name the actions`);
    if (name.includes("*") && !s.allowActionWildcards) {
      throw new Error(`IAM action "${action}" has a wildcard; name the actions (or set allowActionWildcards for a versioned family)`);
    }
  }
}

/** A managed policy's size limit (IAM User Guide, "IAM and AWS STS quotas"): 6,144 characters, whitespace not counted. */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;

/**
 * Why a managed policy document is over IAM's size limit, naming its largest statements (what to shrink); undefined
 * when it fits. IAM would refuse it only at deploy, after the resources before it were changed.
 */
export function managedPolicyOversize(document: string): string | undefined {
  const size = (value: unknown) => JSON.stringify(value).replace(/\s/g, "").length;
  const doc = JSON.parse(document) as { Statement: Array<{ Sid?: string; Action?: unknown; Resource?: unknown }> };
  const total = size(doc);
  if (total <= MANAGED_POLICY_MAX_CHARACTERS) return undefined;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : v === undefined ? 0 : 1);
  const largest = doc.Statement.map((s, i) => ({ id: s.Sid ?? `statement ${i + 1}`, n: size(s), actions: count(s.Action), resources: count(s.Resource) }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 3);
  const named = largest.map((s) => `${s.id} (${s.n} characters: ${s.actions} actions, ${s.resources} resources)`).join(", ");
  return `${total} characters, over the ${MANAGED_POLICY_MAX_CHARACTERS} IAM allows a managed policy (whitespace not counted); largest statements: ${named}`;
}

/** Builds a policy document (as a JSON string output) from typed statements, after validating each one. */
export function policyDocument(statements: readonly Statement[]): pulumi.Output<string> {
  statements.forEach(validateStatement);
  return pulumi
    .all(
      statements.map((s) =>
        pulumi.all([listOutput(s.resources), pulumi.output(s.conditions ?? {})]).apply(([resources, conditions]) =>
          resources.length === 0
            ? undefined
            : {
                ...(s.sid ? { Sid: s.sid } : {}),
                Effect: s.effect ?? "Allow",
                Action: [...new Set(s.actions)].sort(),
                Resource: [...new Set(resources)].sort(),
                ...(Object.keys(conditions as object).length > 0 ? { Condition: conditions as Record<string, Record<string, string | string[] | boolean>> } : {}),
              },
        ),
      ),
    )
    .apply((all) => JSON.stringify({ Version: "2012-10-17", Statement: all.filter((s) => s !== undefined) } satisfies PolicyDocument));
}

/** Trust policy for a role assumed by an AWS service (`lambda.amazonaws.com`), optionally pinned to the caller's account. */
export function serviceTrustPolicy(service: string | string[], sourceAccount?: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(sourceAccount).apply((account) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: service },
          Action: "sts:AssumeRole",
          ...(account ? { Condition: { StringEquals: { "aws:SourceAccount": account } } } : {}),
        },
      ],
    }),
  );
}

/** Parses a policy document JSON (for tests and policies): every statement with arrays normalised. */
export function parsePolicyDocument(json: string): PolicyDocument {
  const doc = JSON.parse(json) as { Statement: unknown };
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return {
    Version: "2012-10-17",
    Statement: statements.map((s: any) => ({
      ...s,
      Action: s.Action === undefined ? [] : Array.isArray(s.Action) ? s.Action : [s.Action],
      Resource: s.Resource === undefined ? [] : Array.isArray(s.Resource) ? s.Resource : [s.Resource],
    })),
  };
}

/** True when an Allow statement grants every action of every service, or all of one service (`*`, `svc:*`). */
export function grantsWildcardAction(doc: PolicyDocument): boolean {
  return doc.Statement.some((s) => s.Effect === "Allow" && s.Action.some((a) => a === "*" || a.endsWith(":*")));
}
