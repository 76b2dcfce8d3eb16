import { strict as assert } from "node:assert";
import { grantsWildcardAction, parsePolicyDocument } from "../../components/shared/iam/policy";
import * as pulumi from "@pulumi/pulumi";
import { QuarantineBucket, type QuarantineBucketArgs } from "../../components/quarantine-bucket";
import { builtResources, iamDocuments, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";
import { denyingStatements } from "./policy-evaluator";

const FORENSIC = "arn:aws:iam::123456789012:role/forensics";
const WRITER = "arn:aws:iam::123456789012:role/quarantine-mover";
const OTHER = "arn:aws:iam::123456789012:role/admin";

describe("QuarantineBucket", () => {
  beforeEach(() => useOfflineMocks());

  async function build(args: ConstructorParameters<typeof QuarantineBucket>[1] = {}) {
    const qb = new QuarantineBucket("qb", { forensicPrincipalArns: [FORENSIC], writerPrincipalArns: [WRITER], ...args });
    await settle();
    const arn = await valueOf(qb.bucketArn);
    const policy = JSON.parse(resourcesOfType("aws:s3/bucketPolicy:BucketPolicy").find((p) => p.name === "qb-policy")!.state.policy);
    return { qb, arn, policy };
  }

  it("denies every request without TLS, even from the forensic principals", async () => {
    const { arn, policy } = await build();
    for (const principalArn of [FORENSIC, WRITER, OTHER]) {
      for (const action of ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]) {
        const resource = action === "s3:ListBucket" ? arn : `${arn}/uploads-prod/a.exe`;
        assert.deepEqual(denyingStatements(policy, { principalArn, action, resource, secureTransport: false }).includes("DenyWithoutTls"), true, `${principalArn} ${action}`);
      }
    }
  });

  it("denies content reads to everyone but the forensic principals (the writer included)", async () => {
    const { arn, policy } = await build();
    const object = `${arn}/uploads-prod/eicar.com`;
    for (const action of ["s3:GetObject", "s3:GetObjectVersion"]) {
      assert.deepEqual(denyingStatements(policy, { principalArn: FORENSIC, action, resource: object, secureTransport: true }), []);
      assert.ok(denyingStatements(policy, { principalArn: WRITER, action, resource: object, secureTransport: true }).includes("DenyContentReadsExceptForensic"));
      assert.ok(denyingStatements(policy, { principalArn: OTHER, action, resource: object, secureTransport: true }).includes("DenyContentReadsExceptForensic"));
    }
    // The writer can still check its copies without reading them.
    assert.deepEqual(denyingStatements(policy, { principalArn: WRITER, action: "s3:GetObjectAttributes", resource: object, secureTransport: true }), []);
    assert.deepEqual(denyingStatements(policy, { principalArn: WRITER, action: "s3:PutObject", resource: object, secureTransport: true }), []);
    assert.ok(denyingStatements(policy, { principalArn: OTHER, action: "s3:PutObject", resource: object, secureTransport: true }).includes("DenyWritesExceptWriters"));
    assert.ok(denyingStatements(policy, { principalArn: WRITER, action: "s3:DeleteObjectVersion", resource: object, secureTransport: true }).includes("DenyDeletesExceptForensic"));
  });

  it("denies content reads to everyone when no forensic principal is named", async () => {
    const { arn, policy } = await build({ forensicPrincipalArns: [] });
    assert.ok(denyingStatements(policy, { principalArn: FORENSIC, action: "s3:GetObject", resource: `${arn}/k`, secureTransport: true }).includes("DenyContentReadsExceptForensic"));
    assert.equal(policy.Statement.some((s: any) => s.Effect === "Allow"), false);
  });

  it("is versioned, SSE-KMS with its own rotating key, fully private, logged and expiring", async () => {
    const { qb } = await build({ expirationDays: 90 });
    assert.equal(resourcesOfType("aws:s3/bucketVersioning:BucketVersioning").every((v) => v.state.versioningConfiguration.status === "Enabled"), true);
    const sse = resourcesOfType("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").find((r) => r.name === "qb-encryption")!;
    assert.equal(sse.state.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
    assert.equal(sse.state.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId, await valueOf(qb.kmsKeyArn));
    const key = resourcesOfType("aws:kms/key:Key")[0];
    assert.equal(key.state.enableKeyRotation, true);
    assert.ok(JSON.parse(key.state.policy).Statement.some((s: any) => s.Sid === "ForensicPrincipalsDecrypt" && s.Principal.AWS.includes(FORENSIC)));
    for (const bpa of resourcesOfType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")) {
      assert.deepEqual([bpa.state.blockPublicAcls, bpa.state.blockPublicPolicy, bpa.state.ignorePublicAcls, bpa.state.restrictPublicBuckets], [true, true, true, true]);
    }
    const logging = resourcesOfType("aws:s3/bucketLogging:BucketLogging");
    assert.equal(logging.length, 1);
    assert.equal(logging[0].state.targetBucket, await valueOf(qb.accessLogBucketName));
    const lifecycle = resourcesOfType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").find((r) => r.name === "qb-lifecycle")!;
    assert.equal(lifecycle.state.rules[0].expiration.days, 90);
    assert.equal(lifecycle.state.rules[0].noncurrentVersionExpiration.noncurrentDays, 90);
    assert.equal(resourcesOfType("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").length, 0);
    // Every bucket (the log bucket too) refuses requests without TLS.
    for (const p of resourcesOfType("aws:s3/bucketPolicy:BucketPolicy")) {
      assert.ok(JSON.parse(p.state.policy).Statement.some((s: any) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false"));
    }
  });

  it("uses a given key and log bucket instead of creating them", async () => {
    const keyArn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    const { qb } = await build({ kmsKeyArn: keyArn, accessLogBucketName: "central-access-logs" });
    assert.equal(resourcesOfType("aws:kms/key:Key").length, 0);
    assert.equal(resourcesOfType("aws:s3/bucket:Bucket").length, 1);
    assert.equal(await valueOf(qb.kmsKeyArn), keyArn);
    assert.equal(resourcesOfType("aws:s3/bucketLogging:BucketLogging")[0].state.targetBucket, "central-access-logs");
  });

  it("configures Object Lock when asked, and refuses impossible settings", async () => {
    await build({ objectLock: { mode: "COMPLIANCE", days: 30 } });
    const bucket = resourcesOfType("aws:s3/bucket:Bucket").find((b) => b.name === "qb-bucket")!;
    assert.equal(bucket.state.objectLockEnabled, true);
    const lock = resourcesOfType("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration")[0];
    assert.deepEqual(lock.state.rule.defaultRetention, { mode: "COMPLIANCE", days: 30 });
    assert.throws(() => new QuarantineBucket("bad1", { expirationDays: 0 }), /expirationDays/);
    assert.throws(() => new QuarantineBucket("bad2", { objectLock: { mode: "COMPLIANCE", days: 400 } }), /exceeds expirationDays/);
    assert.throws(() => new QuarantineBucket("bad3", { objectLock: { mode: "STRICT" as never, days: 1 } }), /objectLock.mode must be one of "GOVERNANCE", "COMPLIANCE", got "STRICT"/);
  });

  it("grants no wildcard actions", async () => {
    await build();
    // Key policies give the account root kms:* by design (shared createEncryptionKey); IAM documents must not.
    const keys = new Set(resourcesOfType("aws:kms/key:Key").map((k) => k.name));
    for (const { resource, document } of iamDocuments().filter((d) => !keys.has(d.resource))) {
      assert.equal(grantsWildcardAction(parsePolicyDocument(JSON.stringify(document))), false, resource);
    }
    for (const p of resourcesOfType("aws:s3/bucketPolicy:BucketPolicy")) {
      assert.equal(grantsWildcardAction(parsePolicyDocument(p.state.policy)), false);
    }
  });
});

describe("QuarantineBucket principal lists given as one output (a stack reference, config.requireObject)", () => {
  const built = (args: QuarantineBucketArgs) => builtResources(() => new QuarantineBucket("qb", args));
  const statements = (resources: Awaited<ReturnType<typeof built>>, name: string) => JSON.parse(resources.find((r) => r.name === name)!.inputs.policy).Statement;

  it("forensicPrincipalArns and writerPrincipalArns: the same key, bucket policy and resources as the plain lists", async () => {
    const plain = await built({ forensicPrincipalArns: [FORENSIC, OTHER], writerPrincipalArns: [WRITER] });
    assert.deepEqual(statements(plain, "qb-key").find((s: any) => s.Sid === "ForensicPrincipalsDecrypt").Principal.AWS, [OTHER, FORENSIC]);
    assert.deepEqual(statements(plain, "qb-policy").find((s: any) => s.Sid === "DenyWritesExceptWriters").Condition.ArnNotLike["aws:PrincipalArn"], [WRITER]);
    assert.deepEqual(await built({ forensicPrincipalArns: pulumi.output([FORENSIC, pulumi.output(OTHER)]), writerPrincipalArns: pulumi.output([WRITER]) }), plain);
  });

  it("output lists that turn out empty build what empty plain lists build: no forensic grant, no writer restriction", async () => {
    const plain = await built({ forensicPrincipalArns: [], writerPrincipalArns: [] });
    const sids = [...statements(plain, "qb-key"), ...statements(plain, "qb-policy")].map((s: any) => s.Sid);
    assert.deepEqual(sids.filter((sid: string) => sid.startsWith("ForensicPrincipals") || sid === "DenyWritesExceptWriters"), []);
    assert.deepEqual(await built({ forensicPrincipalArns: pulumi.output([]), writerPrincipalArns: pulumi.output([]) }), plain);
  });
});
