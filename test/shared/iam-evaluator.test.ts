import { strict as assert } from "node:assert";
import { conditionHolds, evaluate, type Policy, signingContext, wildcardMatch } from "../harness/iam-evaluator";

/** Cases from AWS's documented evaluation logic (IAM User Guide: policy evaluation logic, condition operators). */
describe("IAM policy evaluator (test harness)", () => {
  const allow = (extra: Record<string, unknown>): Policy => ({ Statement: [{ Sid: "A", Effect: "Allow", ...extra } as never] });
  const USER = "arn:aws:iam::111122223333:user/alice";

  it("an explicit Deny wins over any Allow; nothing allowed is an implicit deny", () => {
    const policies = { identity: [allow({ Action: "*", Resource: "*" }), { Statement: [{ Sid: "D", Effect: "Deny", Action: "s3:DeleteBucket", Resource: "*" }] } as Policy] };
    assert.equal(evaluate(policies, { action: "s3:DeleteBucket", resource: "arn:aws:s3:::b" }).decision, "explicitDeny");
    assert.equal(evaluate(policies, { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }).decision, "allowed");
    assert.equal(evaluate({ identity: [] }, { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" }).decision, "implicitDeny");
  });

  it("actions match case-insensitively with * and ?; resources case-sensitively", () => {
    const p = { identity: [allow({ Action: "iam:put*policy", Resource: "arn:aws:iam::111122223333:role/web-?" })] };
    assert.equal(evaluate(p, { action: "iam:PutRolePolicy", resource: "arn:aws:iam::111122223333:role/web-1" }).decision, "allowed");
    assert.equal(evaluate(p, { action: "iam:PutRolePolicy", resource: "arn:aws:iam::111122223333:role/web-12" }).decision, "implicitDeny");
    assert.equal(evaluate(p, { action: "iam:PutRolePolicy", resource: "arn:aws:iam::111122223333:role/WEB-1" }).decision, "implicitDeny");
    assert.equal(evaluate(p, { action: "iam:GetRolePolicy", resource: "arn:aws:iam::111122223333:role/web-1" }).decision, "implicitDeny");
  });

  it("NotAction and NotResource match everything but what they name", () => {
    const p = { identity: [allow({ NotAction: "iam:*", Resource: "*" }), { Statement: [{ Effect: "Deny", Action: "s3:*", NotResource: "arn:aws:s3:::logs/*" }] } as Policy] };
    assert.equal(evaluate(p, { action: "iam:CreateUser", resource: "*" }).decision, "implicitDeny");
    assert.equal(evaluate(p, { action: "s3:GetObject", resource: "arn:aws:s3:::logs/a" }).decision, "allowed");
    assert.equal(evaluate(p, { action: "s3:GetObject", resource: "arn:aws:s3:::data/a" }).decision, "explicitDeny");
  });

  it("a request without a resource (`*`) is matched only by Resource `*`", () => {
    const p = { identity: [allow({ Action: "cloudtrail:LookupEvents", Resource: "arn:aws:cloudtrail:*:*:trail/*" })] };
    assert.equal(evaluate(p, { action: "cloudtrail:LookupEvents", resource: "*" }).decision, "implicitDeny");
  });

  it("ARN patterns match segment by segment", () => {
    const p = { identity: [allow({ Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/kamae-*" })] };
    assert.equal(evaluate(p, { action: "sts:AssumeRole", resource: "arn:aws:iam::444455556666:role/kamae-member" }).decision, "allowed");
    assert.equal(evaluate(p, { action: "sts:AssumeRole", resource: "arn:aws:iam::444455556666:user/kamae-member" }).decision, "implicitDeny");
    assert.ok(conditionHolds("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/aws-service-role/*", { "aws:PrincipalArn": "arn:aws:iam::1:role/aws-service-role/x.amazonaws.com/R" }));
    assert.ok(!conditionHolds("ArnEquals", "aws:PrincipalArn", "arn:aws:iam::1:role/a", { "aws:PrincipalArn": "arn:aws:iam::1:role/b" }));
  });

  it("conditions: keys are ANDed, values ORed, key names case-insensitive", () => {
    const p = { identity: [allow({ Action: "ec2:StopInstances", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/env": ["dev", "test"], "ec2:Region": "eu-west-1" } } })] };
    assert.equal(evaluate(p, { action: "ec2:StopInstances", resource: "*", context: { "aws:resourcetag/env": "test", "ec2:Region": "eu-west-1" } }).decision, "allowed");
    assert.equal(evaluate(p, { action: "ec2:StopInstances", resource: "*", context: { "aws:ResourceTag/env": "prod", "ec2:Region": "eu-west-1" } }).decision, "implicitDeny");
    assert.equal(evaluate(p, { action: "ec2:StopInstances", resource: "*", context: { "aws:ResourceTag/env": "dev" } }).decision, "implicitDeny");
  });

  it("a missing key: false for positive operators, true for negated ones, IfExists and ForAllValues; Null tests presence", () => {
    assert.equal(conditionHolds("StringEquals", "aws:PrincipalOrgID", "o-1", {}), false);
    assert.equal(conditionHolds("StringNotEquals", "aws:PrincipalOrgID", "o-1", {}), true);
    assert.equal(conditionHolds("StringEqualsIfExists", "aws:PrincipalOrgID", "o-1", {}), true);
    assert.equal(conditionHolds("StringEqualsIfExists", "aws:PrincipalOrgID", "o-1", { "aws:PrincipalOrgID": "o-2" }), false);
    assert.equal(conditionHolds("ForAnyValue:StringEquals", "aws:TagKeys", "a", {}), false);
    assert.equal(conditionHolds("ForAllValues:StringEquals", "aws:TagKeys", "a", {}), true);
    assert.equal(conditionHolds("Null", "aws:TokenIssueTime", "true", {}), true);
    assert.equal(conditionHolds("Null", "aws:TokenIssueTime", "false", {}), false);
    assert.equal(conditionHolds("BoolIfExists", "aws:MultiFactorAuthPresent", "false", {}), true);
  });

  it("multivalued keys: ForAnyValue needs one match, ForAllValues needs every value to match", () => {
    const ctx = { "aws:TagKeys": ["owner", "env"] };
    assert.ok(conditionHolds("ForAnyValue:StringEquals", "aws:TagKeys", ["env"], ctx));
    assert.ok(!conditionHolds("ForAllValues:StringEquals", "aws:TagKeys", ["env"], ctx));
    assert.ok(conditionHolds("ForAllValues:StringLike", "aws:TagKeys", ["*"], ctx));
    assert.ok(conditionHolds("ForAnyValue:StringNotEquals", "aws:TagKeys", ["env"], ctx));
  });

  it("string, numeric, date, Bool and IP operators", () => {
    assert.ok(conditionHolds("StringLike", "s3:prefix", "home/*", { "s3:prefix": "home/a/b" }));
    assert.ok(!conditionHolds("StringLike", "s3:prefix", "home/?", { "s3:prefix": "home/ab" }));
    assert.ok(conditionHolds("StringEqualsIgnoreCase", "k", "ABC", { k: "abc" }));
    assert.ok(conditionHolds("NumericLessThanEquals", "s3:max-keys", "10", { "s3:max-keys": "10" }));
    assert.ok(!conditionHolds("NumericGreaterThan", "s3:max-keys", "10", { "s3:max-keys": "x" }));
    assert.ok(conditionHolds("DateLessThan", "aws:TokenIssueTime", "2026-11-23T00:00:00Z", { "aws:TokenIssueTime": "2026-11-22T23:00:00Z" }));
    assert.ok(conditionHolds("DateGreaterThan", "aws:CurrentTime", "1700000000", { "aws:CurrentTime": "2026-01-01T00:00:00Z" }));
    assert.ok(conditionHolds("Bool", "aws:SecureTransport", "false", { "aws:SecureTransport": false }));
    assert.ok(conditionHolds("IpAddress", "aws:SourceIp", ["10.0.0.0/8"], { "aws:SourceIp": "10.1.2.3" }));
    assert.ok(conditionHolds("NotIpAddress", "aws:SourceIp", ["10.0.0.0/8"], { "aws:SourceIp": "192.0.2.1" }));
    assert.throws(() => conditionHolds("StringSortOf", "k", "v", { k: "v" }), /does not know/);
  });

  it("policy variables are replaced from the request; a missing one matches nothing", () => {
    const p = { identity: [allow({ Action: "iam:UpdateAccessKey", Resource: "arn:aws:iam::111122223333:user/${aws:username}" })] };
    assert.equal(evaluate(p, { action: "iam:UpdateAccessKey", resource: USER, context: { "aws:username": "alice" } }).decision, "allowed");
    assert.equal(evaluate(p, { action: "iam:UpdateAccessKey", resource: USER, context: { "aws:username": "bob" } }).decision, "implicitDeny");
    assert.equal(evaluate(p, { action: "iam:UpdateAccessKey", resource: USER }).decision, "implicitDeny");
  });

  it("a permissions boundary caps what identity policies allow, and its denies apply", () => {
    const identity = [allow({ Action: "iam:*", Resource: "*" })];
    const boundary: Policy = { Statement: [{ Effect: "Allow", Action: "iam:PutRolePolicy", Resource: "*" }, { Sid: "B", Effect: "Deny", Action: "iam:PutRolePolicy", Resource: "arn:aws:iam::*:role/admin" }] };
    assert.equal(evaluate({ identity, boundary }, { action: "iam:PutRolePolicy", resource: "arn:aws:iam::1:role/web" }).decision, "allowed");
    assert.equal(evaluate({ identity, boundary }, { action: "iam:CreateUser", resource: "*" }).decision, "implicitDeny");
    assert.deepEqual(evaluate({ identity, boundary }, { action: "iam:PutRolePolicy", resource: "arn:aws:iam::1:role/admin" }), { decision: "explicitDeny", statements: ["B"] });
    // The boundary alone grants nothing.
    assert.equal(evaluate({ identity: [], boundary }, { action: "iam:PutRolePolicy", resource: "arn:aws:iam::1:role/web" }).decision, "implicitDeny");
  });

  it("a deny on aws:TokenIssueTime stops temporary credentials but never a long-term access key", () => {
    const policies = { identity: [allow({ Action: "*", Resource: "*" }), { Statement: [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { DateLessThan: { "aws:TokenIssueTime": "2026-11-23T00:00:00Z" } } }] } as Policy] };
    const req = (context: Record<string, unknown>) => ({ action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context: context as never });
    assert.equal(evaluate(policies, req(signingContext({ kind: "temporary", issuedAt: "2026-11-22T22:00:00Z" }, USER))).decision, "explicitDeny");
    assert.equal(evaluate(policies, req(signingContext({ kind: "temporary", issuedAt: "2026-11-23T01:00:00Z" }, USER))).decision, "allowed");
    assert.equal(evaluate(policies, req(signingContext({ kind: "long-term" }, USER))).decision, "allowed");
  });

  it("wildcards never let a regex character through", () => {
    assert.ok(!wildcardMatch("a.c", "abc"));
    assert.ok(wildcardMatch("a(b)*", "a(b)xyz"));
  });
});
