import type { Finding } from "./preview";

/**
 * What a rule sees and returns. Rules are pure functions over plain resource views, so they are tested without a
 * policy pack; `policies.ts` adapts them to CrossGuard.
 */

/**
 * A value the preview does not know yet (an output of a resource still to be created). Rules never read it as
 * compliant: they judge from known inputs or return a cannot-judge verdict (preview.ts).
 */
export const UNKNOWN: unique symbol = Symbol.for("kamae.policies.unknown");

export function isUnknown(value: unknown): value is typeof UNKNOWN {
  return value === UNKNOWN;
}

/** One resource as a rule sees it: its properties with unknown values replaced by `UNKNOWN`. */
export interface ResourceView {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, any>;
  /** URN of the parent (component) resource. */
  readonly parent?: string;
  /** URNs this resource depends on. */
  readonly dependencies?: readonly string[];
  /** URNs each property depends on (the engine knows them even when the value is unknown). */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A violation a stack rule found; `resource` absent means the stack as a whole. `cannotJudge` marks a verdict the
 * preview cannot give (an unknown value decides it): reported at the policy's `cannotJudge` level (preview.ts).
 */
export interface StackViolation {
  readonly resource?: ResourceView;
  readonly message: string;
  readonly cannotJudge?: true;
}

/**
 * Checks one resource of the catalog entry's types; returns violation messages and `cannotJudge(...)` verdicts
 * (empty = compliant). Its view holds the resource's inputs.
 */
export type ResourceCheck = (resource: ResourceView, config: Record<string, any>) => Finding[];

/** Checks all resources of the stack together (their outputs: computed values of new resources are unknown). */
export type StackCheck = (resources: readonly ResourceView[], config: Record<string, any>) => StackViolation[];

export interface ResourceRule {
  readonly id: string;
  readonly kind: "resource";
  readonly check: ResourceCheck;
}

export interface StackRule {
  readonly id: string;
  readonly kind: "stack";
  readonly check: StackCheck;
}

export type Rule = ResourceRule | StackRule;

export function resourceRule(id: string, check: ResourceCheck): ResourceRule {
  return { id, kind: "resource", check };
}

export function stackRule(id: string, check: StackCheck): StackRule {
  return { id, kind: "stack", check };
}
