import { strict as assert } from "node:assert";
import { asArray, coverage, coverageViolations, coversPort, hasRestrictingCondition, identifiersOf, ingressOf, isFalse, isPublicPrincipal, judgeIngress, mentions, programValue, refersTo, statementsOf, tagsOf, underComponent, byUrn, ofTypeCached, qualifiedType } from "../../policies/helpers";
import { containerDefinitions, eachContainer } from "../../policies/ecs";
import { allowedActions, allowsAllBut, iamStatements, wholeServices } from "../../policies/iam";
import { all, json, requireAtLeast, requireFalse, requireIn, requireNotIn, requirePresent, requireTrue } from "../../policies/judge";
import { behindLoadBalancer, instanceTags } from "../../policies/kamae";
import { isCannotJudge, valueAt } from "../../policies/preview";
import { UNKNOWN } from "../../policies/model";
import { containsUnknown } from "../../policies/preview";
import { ALL_BPA_SETTINGS, bucketPolicyStatements, bucketsNamedBy, encryptionRules, inlineGrantsPublic, isLogTarget, logTargets, publicAccessBlock, publicAccessViolations, publicAcl, publicGrant, versioning } from "../../policies/s3";
import { res } from "../../policies/rules/cases";

// The pack's shared judgements, each at its edges: the rule tables reach them only through a few shapes.
describe("policy helpers", () => {
  it("tagsOf reads tags, else tagsAll, keeps string values only, and treats unknown or odd tags as none", () => {
    assert.deepEqual(tagsOf(res("t", "r", { tags: { a: "1", b: 2, c: null } })), { a: "1" });
    assert.deepEqual(tagsOf(res("t", "r", { tagsAll: { a: "1" } })), { a: "1" });
    assert.deepEqual(tagsOf(res("t", "r", { tags: { a: "1" }, tagsAll: { b: "2" } })), { a: "1" });
    for (const tags of [UNKNOWN, "a=1", null, undefined]) assert.deepEqual(tagsOf(res("t", "r", { tags })), {});
    assert.deepEqual(tagsOf(res("t", "r", { tags: null, tagsAll: null })), {});
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
    let atBound: unknown = arn;
    for (let i = 0; i < 12; i++) atBound = { d: atBound };
    assert.equal(mentions(atBound, [arn]), true, "twelve levels down is still searched");
    let text: unknown = arn;
    for (let i = 0; i < 14; i++) text = JSON.stringify([text]);
    assert.equal(mentions(text, [arn]), false, "JSON inside JSON counts towards the depth");
    assert.equal(mentions(JSON.stringify([arn]), [arn]), true, "a JSON array");
    assert.equal(mentions(JSON.stringify(arn), [arn]), false, "a quoted string is text, not JSON to parse");
    assert.equal(mentions({ a: "x", b: arn }, [arn]), true, "any value of an object");
  });

  it("ingressOf: inline rules (protocol numbers and names, IPv4 and IPv6 world), separate rules, unknown rules", () => {
    const sg = (ingress: unknown, type = "aws:ec2/securityGroup:SecurityGroup") => ingressOf(res(type, "sg", { ingress }));
    const open = (protocol: string, fromPort: number, toPort: number, worldOpen: boolean | "unknown", known = true) => ({ protocol, fromPort, toPort, worldOpen, known });
    assert.deepEqual(
      sg([
        { protocol: "6", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] },
        { protocol: "17", fromPort: 53, toPort: 53, ipv6CidrBlocks: ["::/0"] },
        { protocol: "all", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] },
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: UNKNOWN },
        UNKNOWN,
      ]),
      [open("tcp", 22, 22, true), open("udp", 53, 53, true), open("-1", 0, 65535, false), open("tcp", 443, 443, "unknown"), open("-1", 0, 65535, "unknown", false)],
    );
    assert.deepEqual(sg([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }], "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"), [open("tcp", 22, 22, true)]);
    assert.deepEqual(sg(UNKNOWN), [open("-1", 0, 65535, "unknown", false)]);
    assert.deepEqual(sg([{ protocol: "tcp", fromPort: 22, toPort: 22 }], "aws:ec2/instance:Instance"), [], "not a security group");
    const rule = (type: string) => ingressOf(res("aws:ec2/securityGroupRule:SecurityGroupRule", "r", { type, protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }));
    assert.deepEqual(rule("ingress"), [open("tcp", 3389, 3389, true)]);
    assert.deepEqual(rule("egress"), []);
    assert.deepEqual(ingressOf(res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "v", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" })), [open("tcp", 22, 22, true)]);
    assert.deepEqual(ingressOf(res("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "v", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" })), []);
  });

  it("coversPort: the port within the range, TCP and UDP by default, all traffic always", () => {
    const i = (protocol: string, fromPort: number, toPort: number) => ({ protocol, fromPort, toPort, worldOpen: true, known: true });
    assert.deepEqual([21, 22, 23, 24].map((p) => coversPort(i("tcp", 22, 23), p)), [false, true, true, false]);
    assert.equal(coversPort(i("udp", 53, 53), 53), true);
    assert.equal(coversPort(i("icmp", 0, 65535), 22), false);
    assert.equal(coversPort(i("-1", 0, 65535), 22), true);
    assert.equal(coversPort(i("udp", 22, 22), 22, ["tcp"]), false);
  });

  it("judgeIngress: a violation per open permission that matters; one cannot-judge verdict only when nothing known violates", () => {
    const sg = (...ingress: unknown[]) => res("aws:ec2/securityGroup:SecurityGroup", "sg", { ingress });
    const ssh = (i: Parameters<typeof coversPort>[0]) => coversPort(i, 22);
    const judge = (r: ReturnType<typeof sg>) => judgeIngress(r, ssh, (i) => `open ${i.fromPort}`);
    const world = { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] };
    const unknownSource = { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: UNKNOWN };
    assert.deepEqual(judge(sg(world)), ["open 22"]);
    assert.deepEqual(judge(sg(world, unknownSource)), ["open 22"]);
    const undecided = judge(sg(unknownSource));
    assert.equal(undecided.length, 1);
    assert.ok(isCannotJudge(undecided[0]));
    assert.ok(isCannotJudge(judge(sg({ protocol: UNKNOWN, fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }))[0]), "unknown ports may cover 22");
    assert.deepEqual(judge(sg({ ...unknownSource, fromPort: 443, toPort: 443 })), [], "an unknown source on a port that does not matter");
    assert.deepEqual(judge(sg({ ...world, cidrBlocks: ["10.0.0.0/8"] })), []);
  });

  it("identifiersOf: id, bucket, ARN, name, cluster and zone ids, and the ARN's last segment; empty values are none", () => {
    const arn = "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123abcd";
    const ids = identifiersOf(res("t", "r", { id: "i", bucket: "b", arn, name: "n", clusterIdentifier: "c", zoneId: "z", other: "o" }));
    assert.deepEqual([...ids].sort(), [arn, "b", "c", "i", "n", "sg-0123abcd", "z"].sort());
    assert.deepEqual([...identifiersOf(res("t", "r", { bucket: "", name: 3, arn: "arn:aws:s3:::plain" }))], ["arn:aws:s3:::plain"]);
  });

  it("refersTo: by value; an AWS id the target does not show, by dependency; unknown by dependency, else unknown", () => {
    const target = res("aws:ec2/securityGroup:SecurityGroup", "sg", { name: "web" });
    const from = (value: unknown, extra: Record<string, unknown> = {}) => res("t", "f", { ref: value }, extra);
    const deps = { propertyDependencies: { ref: [target.urn] } };
    assert.equal(refersTo(from("web"), "ref", target), true);
    for (const id of ["sg-0123abcd", "sg-0123456789abcdef0"]) {
      assert.equal(refersTo(from(id, deps), "ref", target), true, id);
      assert.equal(refersTo(from(id), "ref", target), false, `${id} without a dependency`);
      assert.equal(refersTo(from(id, deps), "ref", res(target.type, "sg", { id: "sg-ffffffff" })), false, `${id}: the target shows another id`);
    }
    for (const notId of ["1sg-0123abcd", "sg-0123abcdz", "sg-0123abcd9", "SG-0123abcd", "sg-0123abcg"]) assert.equal(refersTo(from(notId, deps), "ref", target), false, notId);
    assert.equal(refersTo(from("other", deps), "ref", target), false, "a name that is not the target's");
    assert.equal(refersTo(from(UNKNOWN, deps), "ref", target), true);
    assert.equal(refersTo(from(UNKNOWN, { propertyDependencies: { ref: ["urn:other"] } }), "ref", target), false);
    assert.equal(refersTo(from(UNKNOWN, { dependencies: [target.urn] }), "ref", target), true);
    assert.equal(refersTo(from(UNKNOWN, { propertyDependencies: { ref: [] } }), "ref", target), "unknown");
    assert.equal(refersTo(from(UNKNOWN), "ref", target), "unknown");
    for (const v of [undefined, "", 42]) assert.equal(refersTo(from(v, deps), "ref", target), false, String(v));
  });

  it("programValue: an unknown depending on nothing is a computed output left unset (absent); else the value", () => {
    const r = (propertyDependencies?: Record<string, string[]>) => res("t", "r", { p: UNKNOWN }, propertyDependencies ? { propertyDependencies } : {});
    assert.equal(programValue(r({ p: [] }), "p"), undefined);
    assert.equal(programValue(r({}), "p"), undefined);
    assert.equal(programValue(r({ p: ["urn:x"] }), "p"), UNKNOWN);
    assert.equal(programValue(r(), "p"), UNKNOWN, "no dependency information");
    assert.equal(programValue(res("t", "r", { p: "v" }, { propertyDependencies: {} }), "p"), "v");
  });

  it("coverage and coverageViolations: by value, by dependency, by an AWS id's dependency; unresolved references make it unknown", () => {
    const bucket = (name: string, props: Record<string, unknown> = { bucket: name }) => res("aws:s3/bucket:Bucket", name, props);
    const cfg = (name: string, value: unknown, extra: Record<string, unknown> = {}) => res("aws:s3/bucketVersioning:BucketVersioning", name, { bucket: value }, extra);
    const [a, b, c] = [bucket("a"), bucket("b"), bucket("c", {})];
    const configs = [cfg("va", "a"), cfg("vc", UNKNOWN, { propertyDependencies: { bucket: [c.urn] } })];
    assert.deepEqual([a, b, c].map((t) => coverage(t, configs, "bucket")), ["covered", "uncovered", "covered"]);
    const v = coverageViolations([a, b], configs, "bucket", "Bucket", "has no versioning", "its versioning");
    assert.deepEqual(v, [{ resource: b, message: "Bucket b (Bucket) has no versioning." }]);
    const unresolved = [...configs, cfg("vx", UNKNOWN, { propertyDependencies: { bucket: [] } })];
    assert.equal(coverage(b, unresolved, "bucket"), "unknown");
    assert.equal(coverage(b, unresolved, "bucket", () => false), "uncovered", "an unresolved reference the check would reject anyway");
    assert.equal(coverage(a, configs, "bucket", () => "unknown"), "unknown");
    assert.equal(coverage(a, configs, "bucket", () => false), "uncovered");
    const two = [cfg("v1", "a"), cfg("v2", "a")];
    assert.equal(coverage(a, two, "bucket", (x) => x.name === "v2"), "covered", "every configuration naming the target is seen, not the last one only");
    assert.equal(coverage(a, two, "bucket", (x) => x.name === "v1"), "covered");
    assert.deepEqual(ofTypeCached([a, ...two], ["aws:s3/bucket:Bucket"]), [a]);
    assert.deepEqual(coverageViolations([b], unresolved, "bucket", "Bucket", "has no versioning", "its versioning"), [
      { resource: b, cannotJudge: true, message: "Bucket b (Bucket): whether its versioning exists is unknown until the update." },
    ]);
    // A known AWS id (`sg-…`) names a target whose id is not among its properties: the dependency tells.
    const sg = res("aws:ec2/securityGroup:SecurityGroup", "sg", {});
    const byId = [res("t", "assoc", { group: "sg-0123abcd" }, { propertyDependencies: { group: [sg.urn] } })];
    assert.equal(coverage(sg, byId, "group"), "covered");
    assert.equal(coverage(res(sg.type, "sg", { id: "sg-ffffffff" }), byId, "group"), "uncovered", "the target shows another id");
    assert.equal(coverage(sg, [res("t", "assoc", { group: "sg-0123abcd" }, { dependencies: [sg.urn] })], "group"), "covered", "the resource's dependencies when the property's are not known");
    assert.equal(coverage(b, [...configs, cfg("vn", undefined), cfg("v3", 3)], "bucket"), "uncovered", "a configuration naming nothing is no unknown");
    assert.equal(coverage(sg, [res("t", "assoc", { group: "web-group" }, { propertyDependencies: { group: [sg.urn] } })], "group"), "uncovered", "a name is matched by value only");
  });

  it("underComponent: by the URN's parent types (not the resource's own type), else by the parent chain", () => {
    const X = "kamae:index:Inner";
    const r = res("aws:s3/bucket:Bucket", "b", {}, { parentTypes: ["kamae:index:Outer", X] });
    assert.equal(underComponent(r, X, new Map()), true);
    assert.equal(underComponent(res(X, "self", {}), X, new Map()), false, "its own type");
    const parent = res(X, "p", {});
    const child = res("aws:s3/bucket:Bucket", "c", {}, { parent: parent.urn });
    const grand = res("aws:s3/bucket:Bucket", "g", {}, { parent: "urn:middle" });
    const middle = { ...res("kamae:index:Other", "m", {}, { parent: parent.urn }), urn: "urn:middle" };
    const all = byUrn([parent, child, grand, middle]);
    assert.equal(underComponent(child, X, all), true);
    assert.equal(underComponent(grand, X, all), true, "through the chain");
    assert.equal(underComponent(grand, "kamae:index:Absent", all), false);
    const loop = { ...res("kamae:index:Other", "l", {}, { parent: "urn:loop" }), urn: "urn:loop" };
    assert.equal(underComponent(loop, X, byUrn([loop])), false, "a parent cycle ends");
    const unseenParent = res("aws:s3/bucket:Bucket", "u", {}, { parent: `urn:pulumi:test::kamae::kamae:index:Outer$${X}::inner` });
    assert.equal(underComponent(unseenParent, X, new Map()), true, "a parent read from its URN alone");
    const orphan = res("aws:s3/bucket:Bucket", "o", {}, { parent: "urn:pulumi:test::kamae::kamae:index:Other::other" });
    assert.equal(underComponent(orphan, X, new Map()), false, "a parent not in the stack ends the chain");
    const plainUrnParent = { ...res(X, "p2", {}), urn: "urn:p2" };
    assert.equal(underComponent(res("aws:s3/bucket:Bucket", "k", {}, { parent: "urn:p2" }), X, byUrn([plainUrnParent])), true, "by the parent's type");
    assert.equal(qualifiedType("urn:loop"), "");
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
    // Unknown at preview: an ACL, the policy, its grants, or a grant that may be public is unknown, never "not public".
    assert.equal(publicAcl(undefined, UNKNOWN, "read"), "unknown");
    assert.equal(publicAcl(UNKNOWN, undefined, "write"), "unknown");
    assert.equal(publicAcl(undefined, { grants: UNKNOWN }, "read"), "unknown");
    assert.equal(publicAcl(undefined, { grants: [UNKNOWN] }, "read"), "unknown");
    assert.equal(publicAcl(undefined, acp(UNKNOWN as never), "write"), "unknown");
    assert.equal(publicAcl(undefined, acp("WRITE", UNKNOWN as never), "write"), "unknown");
    assert.equal(publicAcl(undefined, { grants: [{ permission: "WRITE", grantee: UNKNOWN }] }, "write"), "unknown");
    // ...unless what is known settles it: a public grant beside it, or a grant that cannot be public for this kind.
    assert.equal(publicAcl(UNKNOWN, acp("READ"), "read"), true);
    assert.equal(publicAcl(undefined, acp("READ", UNKNOWN as never), "write"), false);
    assert.equal(publicAcl(undefined, { grants: [{ permission: UNKNOWN, grantee: { type: "CanonicalUser", id: "abc" } }] }, "read"), false);
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

describe("policy judgements (policies/judge.ts, preview.ts, iam.ts, ecs.ts, kamae.ts)", () => {
  it("requireTrue/requireFalse: true or \"true\" is on; absent or null is the AWS default; unknown stays unknown", () => {
    const on = (v: unknown, fallback = false) => requireTrue(v, "off", fallback) === undefined;
    assert.deepEqual([true, "true", false, "false", "yes", 1].map((v) => on(v)), [true, true, false, false, false, false]);
    assert.deepEqual([undefined, null].map((v) => on(v, true)), [true, true]);
    assert.deepEqual([undefined, null].map((v) => on(v)), [false, false]);
    assert.equal(requireTrue(UNKNOWN, "off"), UNKNOWN);
    const offOk = (v: unknown, fallback = false) => requireFalse(v, "on", fallback) === undefined;
    assert.deepEqual([true, "true", false, "false", "yes"].map((v) => offOk(v)), [false, false, true, true, true]);
    assert.deepEqual([undefined, null].map((v) => offOk(v, true)), [false, false]);
    assert.deepEqual([undefined, null].map((v) => offOk(v)), [true, true]);
    assert.equal(requireFalse(UNKNOWN, "on"), UNKNOWN);
  });

  it("requirePresent, requireAtLeast, requireIn/NotIn and all()", () => {
    assert.deepEqual([undefined, null, "", []].map((v) => requirePresent(v, "missing")), ["missing", "missing", "missing", "missing"]);
    assert.deepEqual(["x", [1], 0, false].map((v) => requirePresent(v, "missing")), [undefined, undefined, undefined, undefined]);
    assert.equal(requirePresent(UNKNOWN, "missing"), UNKNOWN);
    assert.deepEqual([6, 7, "7", 8].map((v) => requireAtLeast(v, 7, "low")), ["low", undefined, undefined, undefined]);
    assert.deepEqual([undefined, null].map((v) => requireAtLeast(v, 7, "low", 7)), [undefined, undefined]);
    assert.deepEqual([undefined, null].map((v) => requireAtLeast(v, 7, "low")), ["low", "low"]);
    assert.equal(requireAtLeast(UNKNOWN, 7, "low"), UNKNOWN);
    assert.equal(requireIn(undefined, ["a"], "bad", "a"), undefined);
    assert.equal(requireIn("b", ["a"], "bad", "a"), "bad");
    assert.equal(requireNotIn(undefined, ["a"], "bad", "a"), "bad");
    assert.equal(requireNotIn("b", ["a"], "bad"), undefined);
    assert.equal(all(undefined, UNKNOWN, "first", "second"), "first");
    assert.equal(all(undefined, UNKNOWN), UNKNOWN);
    assert.equal(all(undefined, undefined), undefined);
  });

  it("json: JSON text parsed, objects as they are, unknown kept, unparsable text undefined", () => {
    assert.deepEqual(json("[1]"), [1]);
    assert.deepEqual(json({ a: 1 }), { a: 1 });
    assert.equal(json(UNKNOWN), UNKNOWN);
    assert.equal(json("{bad"), undefined);
  });

  it("isCannotJudge, valueAt and containsUnknown at their edges", () => {
    assert.deepEqual([undefined, null, "x", 3, {}, { cannotJudge: 1 }].map(isCannotJudge), [false, false, false, false, false, false]);
    assert.equal(isCannotJudge({ cannotJudge: "why" }), true);
    assert.equal(valueAt({ a: null }, "a.b"), undefined);
    assert.equal(valueAt({ a: "text" }, "a.b"), undefined);
    assert.equal(valueAt({ a: UNKNOWN }, "a.b"), UNKNOWN);
    assert.equal(valueAt({ a: { b: 2 } }, "a.b"), 2);
    const nest = (levels: number) => {
      let v: unknown = UNKNOWN;
      for (let i = 0; i < levels; i++) v = { d: v };
      return v;
    };
    assert.equal(containsUnknown(nest(13)), true, "thirteen levels down is still searched");
    assert.equal(containsUnknown(nest(14)), false, "bounded depth");
  });

  it("iamStatements: a role's inline policies, else the policy document; allowedActions of Allow only; wholeServices", () => {
    const s = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };
    const doc = JSON.stringify({ Statement: [s] });
    assert.deepEqual(iamStatements(res("aws:iam/role:Role", "r", { inlinePolicies: [{ policy: doc }, null, { name: "empty" }] })), [s]);
    assert.deepEqual(iamStatements(res("aws:iam/policy:Policy", "p", { policy: doc })), [s]);
    assert.deepEqual(iamStatements(res("aws:iam/policy:Policy", "p", { policy: UNKNOWN })), []);
    assert.deepEqual(allowedActions({ Effect: "Deny", Action: "s3:*" }), []);
    assert.deepEqual(allowedActions({ Effect: "Allow", Action: ["s3:*", 3 as unknown as string] }), ["s3:*"]);
    assert.deepEqual(["*", "s3:*", "S3:*", "i*:*", "*:*", "s3:Get*", "xs3:*y", "s3:**", ""].map(wholeServices), [true, true, true, true, true, false, false, false, false]);
    assert.equal(allowsAllBut({ Effect: "Allow", NotAction: "iam:*" }), true);
    assert.equal(allowsAllBut({ Effect: "Deny", NotAction: "iam:*" }), false);
    assert.equal(allowsAllBut({ Effect: "Allow", NotAction: [] }), false);
  });

  it("containerDefinitions and eachContainer: JSON container lists, names of the failing ones, unnamed ones said so", () => {
    const td = (defs: unknown) => ({ containerDefinitions: typeof defs === "string" ? defs : JSON.stringify(defs) });
    assert.deepEqual(containerDefinitions(td([{ name: "a" }, null, 3, "x"])), [{ name: "a" }]);
    assert.deepEqual(containerDefinitions(td({ name: "a" })), []);
    assert.equal(containerDefinitions({ containerDefinitions: UNKNOWN }), UNKNOWN);
    const privileged = (c: any) => c.privileged === true;
    assert.equal(eachContainer(td([{ name: "a", privileged: true }, { privileged: true }, { name: "c" }]), privileged, "runs privileged"), "container a, (unnamed) runs privileged");
    assert.equal(eachContainer(td([{ name: "c" }]), privileged, "runs privileged"), undefined);
  });

  it("instanceTags: an instance's tags; a group's propagated tags and its launch template's instance tags; unknown when a reference is", () => {
    const lt = res("aws:ec2/launchTemplate:LaunchTemplate", "lt", {
      name: "tmpl",
      tagSpecifications: [{ resourceType: "volume", tags: { v: "1" } }, { resourceType: "instance", tags: { role: "web" } }, null],
    });
    const other = res("aws:ec2/launchTemplate:LaunchTemplate", "other", { name: "other", tagSpecifications: [{ resourceType: "instance", tags: { role: "db" } }] });
    assert.deepEqual(instanceTags(res("aws:ec2/instance:Instance", "i", { tags: { a: "1" } }), []), { a: "1" });
    assert.deepEqual(instanceTags(res("aws:ec2/instance:Instance", "i", {}), []), {});
    assert.equal(instanceTags(res("aws:ec2/instance:Instance", "i", { tags: UNKNOWN }), []), undefined);
    const asg = (props: Record<string, unknown>) => res("aws:autoscaling/group:Group", "g", props);
    const tags = [{ key: "p", value: "1", propagateAtLaunch: true }, { key: "n", value: "2", propagateAtLaunch: false }, { key: 3, value: "x", propagateAtLaunch: true }, null];
    assert.deepEqual(instanceTags(asg({ tags, launchTemplate: { name: "tmpl" } }), [lt, other]), { p: "1", role: "web" });
    assert.deepEqual(instanceTags(asg({ mixedInstancesPolicy: { launchTemplate: { launchTemplateSpecification: { name: "other" } } } }), [lt, other]), { role: "db" });
    assert.deepEqual(instanceTags(asg({ mixedInstancesPolicy: {} }), [lt]), {});
    assert.equal(instanceTags(asg({ tags: UNKNOWN }), []), undefined);
    assert.equal(instanceTags(asg({ launchTemplate: { id: UNKNOWN } }), [lt]), undefined, "which template is unknown");
    assert.deepEqual(instanceTags(asg({ launchTemplate: { id: "lt-0123abcd" } }, ), [lt]), {}, "an id that names no template here");
  });

  it("behindLoadBalancer: inline target groups, load balancers or traffic sources, or an attachment naming the group", () => {
    const asg = (props: Record<string, unknown>) => res("aws:autoscaling/group:Group", "g", { name: "grp", ...props });
    for (const p of [{ targetGroupArns: ["arn:tg"] }, { loadBalancers: ["clb"] }, { trafficSources: [{ identifier: "arn:tg" }] }]) assert.equal(behindLoadBalancer(asg(p), []), true, JSON.stringify(p));
    assert.equal(behindLoadBalancer(asg({}), []), false);
    for (const type of ["aws:autoscaling/attachment:Attachment", "aws:autoscaling/trafficSourceAttachment:TrafficSourceAttachment"]) {
      assert.equal(behindLoadBalancer(asg({}), [res(type, "a", { autoscalingGroupName: "grp" })]), true, type);
      assert.equal(behindLoadBalancer(asg({}), [res(type, "a", { autoscalingGroupName: "other" })]), false, type);
    }
    assert.equal(behindLoadBalancer(asg({}), [res("aws:autoscaling/attachment:Attachment", "a", { autoscalingGroupName: UNKNOWN })]), false, "an unknown attachment is no proof");
  });
});

describe("S3 judgements (policies/s3.ts)", () => {
  const B = "aws:s3/bucket:Bucket";
  const bucket = (name: string, props: Record<string, unknown> = {}) => res(B, name, { bucket: name, ...props });
  const bpa = (name: string, target: unknown, settings: Record<string, unknown>) => res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name, { bucket: target, ...settings });
  const publicRead = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" };
  const policyOf = (...Statement: unknown[]) => JSON.stringify({ Statement });

  it("publicAccessViolations: public ACLs need ignorePublicAcls, public policies restrictPublicBuckets; grants naming no bucket here are the grantor's", () => {
    const resources = [
      bucket("acl", { acl: "public-read" }),
      bpa("acl-bpa", "acl", { ignorePublicAcls: false, restrictPublicBuckets: true }),
      bucket("aclok", { grants: [{ uri: "http://acs.amazonaws.com/groups/global/AllUsers", permissions: ["READ"] }] }),
      bpa("aclok-bpa", "aclok", { ignorePublicAcls: true, restrictPublicBuckets: false }),
      bucket("pol", { policy: policyOf({ Effect: "Deny", Principal: "*", Action: "s3:*" }, publicRead) }),
      bpa("pol-bpa", "pol", { ignorePublicAcls: true, restrictPublicBuckets: false }),
      bucket("polok", { policy: policyOf(publicRead) }),
      bpa("polok-bpa", "polok", { ignorePublicAcls: false, restrictPublicBuckets: true }),
      bucket("sep"),
      bpa("sep-bpa", "sep", { ignorePublicAcls: false, restrictPublicBuckets: false }),
      res("aws:s3/bucketAclV2:BucketAclV2", "sep-acl", { bucket: "sep", acl: "private", accessControlPolicy: { grants: [{ permission: "READ", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" } }] } }),
      res("aws:s3/bucketPolicy:BucketPolicy", "sep-policy", { bucket: "sep", policy: policyOf({ Effect: "Allow", Principal: "*", Action: "s3:PutObject" }, publicRead) }),
      res("aws:s3/bucketAclV2:BucketAclV2", "far-acl", { bucket: "elsewhere", acl: "public-read" }),
      res("aws:s3/bucketAclV2:BucketAclV2", "unknown-acl", { bucket: UNKNOWN, acl: "public-read" }),
    ];
    assert.deepEqual(publicAccessViolations(resources, "read").map((v) => [v.resource?.name, v.cannotJudge === true, v.message]), [
      ["acl", false, "Bucket acl (Bucket) allows public read access through an ACL (acl (Bucket))."],
      ["pol", false, "Bucket pol (Bucket) allows public read access through a bucket policy statement (pol (Bucket))."],
      ["sep", false, "Bucket sep (Bucket) allows public read access through an ACL (sep-acl (BucketAclV2))."],
      ["far-acl", false, "far-acl (BucketAclV2) grants public read access through an ACL."],
      ["sep", false, "Bucket sep (Bucket) allows public read access through a bucket policy statement (sep-policy (BucketPolicy))."],
    ]);
    assert.deepEqual(publicAccessViolations(resources, "write").map((v) => [v.resource?.name, v.message]), [
      ["sep", "Bucket sep (Bucket) allows public write access through a bucket policy statement (sep-policy (BucketPolicy))."],
    ]);
  });

  it("publicAccessViolations: an unknown policy is undecided unless Block Public Access restricts public policies", () => {
    const resources = [
      bucket("a"),
      bpa("a-bpa", "a", { restrictPublicBuckets: false }),
      res("aws:s3/bucketPolicy:BucketPolicy", "a-policy", { bucket: "a", policy: UNKNOWN }),
      bucket("b"),
      res("aws:s3/bucketPolicy:BucketPolicy", "b-policy", { bucket: "b", policy: UNKNOWN }),
    ];
    const found = publicAccessViolations(resources, "read");
    assert.deepEqual(found.map((v) => [v.resource?.name, v.cannotJudge]), [["a", true]], "b keeps the default block");
    assert.match(found[0].message, /the policy of a-policy \(BucketPolicy\) is unknown/);
    const unresolvedBlock = [bucket("c", { policy: policyOf(publicRead) }), bpa("c-bpa", UNKNOWN, { restrictPublicBuckets: false })];
    assert.deepEqual(publicAccessViolations(unresolvedBlock, "read").map((v) => [v.resource?.name, v.cannotJudge]), [["c", true]]);
  });

  it("publicAccessBlock: the naming block's settings, all four on by default, unknown for an unresolved block not fully on", () => {
    const all = ALL_BPA_SETTINGS;
    const on = Object.fromEntries(all.map((s) => [s, true]));
    const b = bucket("b");
    assert.equal(publicAccessBlock(b, [b], all), "covered", "the default since April 2023");
    assert.equal(publicAccessBlock(b, [b, bpa("x", "b", on)], all), "covered");
    assert.equal(publicAccessBlock(b, [b, bpa("x", "b", { ...on, blockPublicAcls: false })], all), "uncovered");
    assert.equal(publicAccessBlock(b, [b, bpa("x", "b", { ...on, blockPublicAcls: UNKNOWN })], all), "unknown");
    assert.equal(publicAccessBlock(b, [b, bpa("x", "b", { ...on, blockPublicAcls: false }), bpa("y", "b", on)], all), "covered");
    assert.equal(publicAccessBlock(b, [b, bpa("u", UNKNOWN, { ...on, blockPublicAcls: false })], all), "unknown");
    assert.equal(publicAccessBlock(b, [b, bpa("u", UNKNOWN, on)], all), "covered", "an unresolved block fully on cannot open it");
    assert.equal(publicAccessBlock(b, [b, bpa("u", UNKNOWN, { blockPublicAcls: false }, ), bpa("k", "other", {})], ["ignorePublicAcls"]), "unknown");
  });

  it("versioning: inline enabled, else a BucketVersioning naming the bucket with status Enabled", () => {
    const v = (status: unknown) => res("aws:s3/bucketVersioning:BucketVersioning", "v", { bucket: "b", versioningConfiguration: status === undefined ? undefined : { status } });
    const b = bucket("b");
    assert.equal(versioning(bucket("b", { versioning: { enabled: true } }), []), "covered");
    assert.equal(versioning(bucket("b", { versionings: [{ enabled: true }] }), []), "covered");
    assert.equal(versioning(bucket("b", { versioning: { enabled: "true" } }), []), "uncovered");
    assert.equal(versioning(bucket("b", { versioning: UNKNOWN }), []), "uncovered");
    assert.deepEqual(["Enabled", "Suspended", UNKNOWN, undefined].map((s) => versioning(b, [v(s)])), ["covered", "uncovered", "unknown", "uncovered"]);
    assert.equal(versioning(b, [{ ...v("x"), props: { bucket: "b", versioningConfiguration: UNKNOWN } }]), "unknown");
  });

  it("encryptionRules: inline rule(s), V2 configurations and separate resources; an unknown rule list or inline configuration makes it unknown", () => {
    const rule = (alg: string) => ({ applyServerSideEncryptionByDefault: { sseAlgorithm: alg } });
    const sse = (rules: unknown) => res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "e", { bucket: "b", rules });
    const b = bucket("b", { serverSideEncryptionConfiguration: { rule: rule("a") }, serverSideEncryptionConfigurations: [{ rules: [rule("b")] }, null] });
    assert.deepEqual(encryptionRules(b, [sse([rule("c")])]), { rules: [rule("a"), rule("b"), rule("c")], unknown: false });
    assert.deepEqual(encryptionRules(bucket("b"), [sse(UNKNOWN)]), { rules: [], unknown: true });
    // An inline configuration unknown at preview may hold any rule.
    assert.deepEqual(encryptionRules(bucket("b", { serverSideEncryptionConfiguration: UNKNOWN }), []), { rules: [], unknown: true });
  });

  it("bucketPolicyStatements: inline and separate policies; unreadable or unresolved ones make it unknown", () => {
    const s = { Effect: "Deny", Principal: "*", Action: "s3:*" };
    const bp = (bucketName: unknown, policy: unknown) => res("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: bucketName, policy });
    const b = bucket("b", { policy: policyOf(s) });
    assert.deepEqual(bucketPolicyStatements(b, [bp("b", policyOf(s))]), { statements: [{ from: b, statement: s }, { from: bp("b", policyOf(s)), statement: s }], unknown: false });
    assert.equal(bucketPolicyStatements(bucket("b"), [bp("b", UNKNOWN)]).unknown, true);
    assert.equal(bucketPolicyStatements(bucket("b"), [bp(UNKNOWN, policyOf(s))]).unknown, true);
    assert.equal(bucketPolicyStatements(bucket("b", { policy: null }), []).unknown, false);
    assert.equal(bucketPolicyStatements(bucket("b", { policy: "{bad" }), []).unknown, true);
  });

  it("bucketsNamedBy: the buckets a configuration names; undefined when a reference is unknown", () => {
    const [a, b] = [bucket("a"), bucket("b")];
    assert.deepEqual(bucketsNamedBy(res("t", "c", { bucket: "b" }), [a, b]), [b]);
    assert.deepEqual(bucketsNamedBy(res("t", "c", { bucket: "z" }), [a, b]), []);
    assert.equal(bucketsNamedBy(res("t", "c", { bucket: UNKNOWN }), [a, b]), undefined);
  });

  it("publicGrant, publicAcl and inline grants: odd entries and every-action wildcards", () => {
    assert.equal(publicGrant(undefined, "read"), false);
    assert.equal(publicGrant({ Effect: "Allow", Principal: "*", Action: ["s3:PutObject", "s3:GetObject"] }, "read"), true);
    assert.equal(publicAcl("public-read-write", undefined, "write"), true);
    assert.equal(publicAcl(undefined, { grants: [null, { permission: "READ" }, { permission: "READ", grantee: null }] }, "read"), false);
    assert.equal(publicAcl(3, undefined, "read"), false);
    assert.equal(inlineGrantsPublic([null, { uri: "http://acs.amazonaws.com/groups/global/AllUsers" }], "write"), false);
    assert.equal(inlineGrantsPublic([{ uri: "http://acs.amazonaws.com/groups/global/AllUsers", permissions: ["FULL_CONTROL"] }], "read"), true);
    assert.equal(inlineGrantsPublic([{ uri: "http://acs.amazonaws.com/groups/global/AllUsers", permissions: ["FULL_CONTROL"] }], "write"), true);
  });

  it("logTargets: names from regional endpoints and partition ARNs; inline bucket logging; empty values are none", () => {
    const t = logTargets(
      [
        res("aws:s3/bucketLoggingV2:BucketLoggingV2", "l1", { targetBucket: "a.s3.eu-west-1.amazonaws.com" }),
        res("aws:s3/bucketLogging:BucketLogging", "l2", { targetBucket: "arn:aws-us-gov:s3:::b/prefix" }),
        res("aws:s3/bucketLogging:BucketLogging", "l3", { targetBucket: "" }),
        res(B, "src", { logging: { targetBucket: "c" } }),
        res(B, "plain", { logging: null }),
        res("aws:lb/loadBalancer:LoadBalancer", "alb", { accessLogs: { bucket: "d" } }),
        res("aws:s3/bucketPolicy:BucketPolicy", "p", { targetBucket: "not-a-log" }),
        res("aws:s3/bucketLogging:BucketLogging", "l4", { targetBucket: "my.s3.bucket.amazonaws.com.example" }),
      ],
      "s3-access-logs",
    );
    assert.deepEqual([...t.names].sort(), ["a", "b", "c", "my.s3.bucket.amazonaws.com.example"]);
    assert.equal(isLogTarget(bucket("a"), t), true);
    assert.equal(isLogTarget(bucket("d"), t), false);
  });
});
