import type { ResourceView } from "../../policies/model";
import { catalog, parameterValues } from "../../policies/catalog";
import { isCannotJudge } from "../../policies/preview";
import { rules } from "../../policies/rules";
import { suppressionFor } from "../../policies/suppressions";
import { resourcesOfType } from "./pulumi";

/**
 * Runs every rule of Kamae's policy pack, in-process, over what the mocked program created, as a preview would see
 * it, and returns the unsuppressed violations as "<policy>: <resource>: <message>" (cannot-judge verdicts are not
 * violations). (The pack as the engine runs it, over gRPC, is tested in test/policies and test/cli.)
 */
export function packViolations(): string[] {
  const views: ResourceView[] = resourcesOfType().map((r) => ({ urn: r.urn, type: r.type, name: r.name, props: r.state }));
  const out: string[] = [];
  for (const rule of rules) {
    const entry = catalog.find((e) => e.id === rule.id);
    const types = new Set(entry?.resourceTypes ?? []);
    const params = entry ? parameterValues(entry, {}) : {};
    const found =
      rule.kind === "resource"
        ? views.filter((v) => types.has(v.type)).flatMap((v) => rule.check(v, params).map((f) => ({ resource: v as ResourceView | undefined, message: f, cannotJudge: isCannotJudge(f) })))
        : rule.check(views, params);
    for (const f of found) {
      if (f.cannotJudge) continue;
      if (!suppressionFor(rule.id, f.resource, undefined).suppressed) out.push(`${rule.id}: ${f.resource?.name ?? "stack"}: ${f.message}`);
    }
  }
  return out;
}

/** Rules about the whole account (a trail, GuardDuty, Security Hub…): a lone component cannot satisfy them. */
export const ACCOUNT_LEVEL_RULES = new Set([
  "cloudtrail-enabled",
  "multi-region-cloudtrail-enabled",
  "guardduty-enabled-centralized",
  "securityhub-enabled",
  "s3-account-level-public-access-blocks-periodic",
  "ec2-ebs-encryption-by-default",
  "cloudtrail-s3-dataevents-enabled",
]);

/** Kamae's program-wiring rules (upload buckets have a MalwareQuarantine…): they judge how Kamae's components are combined. */
export const PROGRAM_WIRING_RULES = new Set(catalog.filter((e) => e.preview === "stack" && e.resourceTypes.some((t) => t.startsWith("kamae:index:"))).map((e) => e.id));

/** The violations that a single component is answerable for: all but the account-level and program-wiring ones. */
export function componentViolations(): string[] {
  const policyOf = (v: string) => v.split(":")[0];
  return packViolations().filter((v) => !ACCOUNT_LEVEL_RULES.has(policyOf(v)) && !PROGRAM_WIRING_RULES.has(policyOf(v)));
}
