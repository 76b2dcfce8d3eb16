import { strict as assert } from "node:assert";
import { asArray, hasRestrictingCondition, isFalse, isPublicPrincipal, mentions, statementsOf, tagsOf } from "../../policies/helpers";
import { UNKNOWN } from "../../policies/model";
import { containsUnknown } from "../../policies/preview";
import { inlineGrantsPublic, logTargets, publicAcl, publicGrant } from "../../policies/s3";
import { res } from "../../policies/rules/cases";

// The pack's shared judgements, each at its edges: the rule tables reach them only through a few shapes.
describe("policy helpers", () => {
  it("tagsOf reads tags, else tagsAll, keeps string values only, and treats unknown or odd tags as none", () => {
    assert.deepEqual(tagsOf(res("t", "r", { tags: { a: "1", b: 2, c: null } })), { a: "1" });
    assert.deepEqual(tagsOf(res("t", "r", { tagsAll: { a: "1" } })), { a: "1" });
    assert.deepEqual(tagsOf(res("t", "r", { tags: { a: "1" }, tagsAll: { b: "2" } })), { a: "1" });
    for (const tags of [UNKNOWN, "a=1", null, undefined]) assert.deepEqual(tagsOf(res("t", "r", { tags })), {});
  });

  it("asArray and isFalse", () => {
    assert.deepEqual(asArray([1]), [1]);
    assert.deepEqual(asArray(1), [1]);
    for (const v of [undefined, null, UNKNOWN]) assert.deepEqual(asArray(v), []);
    assert.deepEqual([false, "false", 0, "", undefined, "False"].map(isFalse), [true, true, false, false, false, false]);
  });

  it("statementsOf reads JSON text or objects, and answers undefined for unknown or unparsable documents", () => {
    const s = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
    assert.deepEqual(statementsOf(JSON.stringify({ Statement: s })), [s]);
    assert.deepEqual(statementsOf({ Statement: [s, "x", null, 3] }), [s]);
    assert.deepEqual(statementsOf({ Version: "2012-10-17" }), []);
    for (const p of [undefined, null, UNKNOWN, "{not json", "42", 42]) assert.equal(statementsOf(p), undefined, String(p));
  });

  it("isPublicPrincipal: only * and {AWS: *}", () => {
    assert.deepEqual(["*", { AWS: "*" }, { AWS: ["arn:aws:iam::123456789012:root", "*"] }].map(isPublicPrincipal), [true, true, true]);
    assert.deepEqual([{ Service: "*" }, { AWS: "arn:aws:iam::123456789012:root" }, "arn:aws:iam::123456789012:root", undefined, null].map(isPublicPrincipal), [false, false, false, false, false]);
  });

  it("hasRestrictingCondition: source and principal keys, in any case, in any operator block", () => {
    for (const key of ["aws:SourceArn", "AWS:SOURCEACCOUNT", "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:SourceVpce", "aws:SourceVpc", "aws:SourceIp", "aws:PrincipalArn"]) {
      assert.equal(hasRestrictingCondition({ Condition: { StringEquals: { [key]: "x" } } }), true, key);
    }
    assert.equal(hasRestrictingCondition({ Condition: { Bool: { "aws:SecureTransport": "true" } } }), false);
    assert.equal(hasRestrictingCondition({}), false);
  });

  it("mentions finds an ARN or an ARN prefix inside values, nested objects and JSON text, and nothing unknown", () => {
    const arn = "arn:aws:s3:::b";
    assert.equal(mentions(arn, [arn]), true);
    assert.equal(mentions(`${arn}/key`, [arn]), true);
    assert.equal(mentions(`${arn}x`, [arn]), false);
    assert.equal(mentions({ a: [{ b: arn }] }, [arn]), true);
    assert.equal(mentions(JSON.stringify({ Resource: [arn] }), [arn]), true);
    assert.equal(mentions("[\"arn:aws:s3:::other\"]", [arn]), false);
    assert.equal(mentions("{broken", [arn]), false);
    for (const v of [null, undefined, UNKNOWN, 42]) assert.equal(mentions(v, [arn]), false);
    let deep: unknown = arn;
    for (let i = 0; i < 14; i++) deep = { d: deep };
    assert.equal(mentions(deep, [arn]), false, "bounded depth");
  });

  it("containsUnknown looks inside arrays and objects", () => {
    assert.equal(containsUnknown(UNKNOWN), true);
    assert.equal(containsUnknown({ a: [1, { b: UNKNOWN }] }), true);
    assert.equal(containsUnknown({ a: [1, { b: "x" }] }), false);
    assert.equal(containsUnknown(null), false);
    assert.equal(containsUnknown("text"), false);
  });

  it("publicGrant: Allow to everyone without a restricting condition, of any matching action", () => {
    const allow = (Action: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Principal: "*", Action, Resource: "*", ...extra });
    assert.equal(publicGrant(allow("s3:GetObject"), "read"), true);
    assert.equal(publicGrant(allow("S3:GETOBJECT"), "read"), true);
    assert.equal(publicGrant(allow("*"), "write"), true);
    assert.equal(publicGrant(allow("s3:*"), "read"), true);
    assert.equal(publicGrant(allow("s3:PutObject"), "read"), false);
    assert.equal(publicGrant(allow("s3:PutObject"), "write"), true);
    assert.equal(publicGrant(allow("s3:GetObject"), "write"), false);
    assert.equal(publicGrant({ ...allow("s3:GetObject"), Effect: "Deny" }, "read"), false);
    assert.equal(publicGrant(allow("s3:GetObject", { Principal: { AWS: "arn:aws:iam::123456789012:root" } }), "read"), false);
    assert.equal(publicGrant(allow("s3:GetObject", { Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } }), "read"), false);
  });

  it("publicAcl and inline grants: canned ACLs and AllUsers/AuthenticatedUsers grants by kind", () => {
    assert.deepEqual(["public-read", "public-read-write", "authenticated-read", "private"].map((a) => publicAcl(a, undefined, "read")), [true, true, true, false]);
    assert.deepEqual(["public-read", "public-read-write", "authenticated-read"].map((a) => publicAcl(a, undefined, "write")), [false, true, false]);
    const all = "http://acs.amazonaws.com/groups/global/AllUsers";
    const acp = (permission: string, uri = all) => ({ grants: [{ permission, grantee: { type: "Group", uri } }] });
    assert.equal(publicAcl(undefined, acp("READ"), "read"), true);
    assert.equal(publicAcl(undefined, acp("FULL_CONTROL"), "write"), true);
    assert.equal(publicAcl(undefined, acp("READ"), "write"), false);
    assert.equal(publicAcl(undefined, acp("WRITE", "http://acs.amazonaws.com/groups/s3/LogDelivery"), "write"), false);
    assert.equal(publicAcl(undefined, UNKNOWN, "read"), false);
    assert.equal(inlineGrantsPublic([{ type: "Group", uri: all, permissions: ["READ"] }], "read"), true);
    assert.equal(inlineGrantsPublic([{ type: "Group", uri: all, permissions: ["READ"] }], "write"), false);
    assert.equal(inlineGrantsPublic([{ type: "Group", uri: all, permissions: ["WRITE", "READ_ACP"] }], "write"), true);
    assert.equal(inlineGrantsPublic([{ type: "CanonicalUser", id: "abc", permissions: ["FULL_CONTROL"] }], "read"), false);
  });

  it("logTargets: S3 access-log targets (by name, ARN, endpoint host, dependency); ELB targets only among the SSE-S3-only deliveries", () => {
    const resources = [
      res("aws:s3/bucketLogging:BucketLogging", "l", { bucket: "src", targetBucket: "arn:aws:s3:::access-logs" }),
      res("aws:lb/loadBalancer:LoadBalancer", "alb", { accessLogs: { bucket: "alb-logs.s3.us-east-1.amazonaws.com" } }),
      // CloudTrail, CloudFront and flow-log buckets are not exempt from access logging (CIS 3.6, FSBP CloudTrail.7).
      res("aws:cloudtrail/trail:Trail", "t", { s3BucketName: "trail-logs" }),
      res("aws:cloudfront/distribution:Distribution", "d", { loggingConfig: { bucket: "cf-logs.s3.amazonaws.com" } }),
      res("aws:ec2/flowLog:FlowLog", "f", { logDestinationType: "s3", logDestination: "arn:aws:s3:::flow-logs/prefix" }),
      res("aws:s3/bucket:Bucket", "b", { logging: { targetBucket: UNKNOWN } }, { propertyDependencies: { logging: ["urn:logs"] } }),
    ];
    const t = logTargets(resources, "s3-access-logs");
    assert.deepEqual([...t.names].sort(), ["access-logs"]);
    assert.deepEqual([...t.urns], ["urn:logs"]);
    assert.equal(t.unknown, false);
    assert.deepEqual([...logTargets(resources, "sse-s3-only").names].sort(), ["access-logs", "alb-logs"]);
    const only = logTargets([res("aws:cloudtrail/trail:Trail", "t", { s3BucketName: "trail-logs" }), res("aws:s3/bucketLogging:BucketLogging", "l", { targetBucket: UNKNOWN })], "sse-s3-only");
    assert.deepEqual([...only.names], []);
    assert.equal(only.unknown, true, "an unknown target with no dependency leaves every bucket possibly a target");
  });
});
