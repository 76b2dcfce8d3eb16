import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AgentRollout, AgentRolloutArgs } from "../../components/agent-rollout";
import { readLocalPackage } from "../../components/agent-rollout/package";
import { KamaeTags } from "../../components/shared/runtime/tags";
import { builtResources, iamDocuments, resourceNamed, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const TOKEN = "3A7F9C2E-TOKEN-8B1D-5E6F0A4C9D2B";
const SAAS: AgentRolloutArgs = {
  activationUrl: "dsm://agents.deepsecurity.trendmicro.com:443/",
  managerUrl: "https://app.deepsecurity.trendmicro.com:443",
  tenantId: "8C2A1B3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D",
  token: pulumi.secret(TOKEN),
};

function isSecret(o: pulumi.Output<unknown>): Promise<boolean> {
  return (o as any).isSecret as Promise<boolean>;
}

/** A package directory as a user would keep it: manifest plus zips (the zips' bytes are what the checksums cover). */
function packageDir(manifest: (sha: Record<string, string>) => unknown, files: Record<string, string> = { "agent_linux.zip": "PK\u0003\u0004linux", "agent_win.zip": "PK\u0003\u0004win" }): string {
  const dir = join(mkdtempSync(join(tmpdir(), "kamae-pkg-")), "AcmeAgent");
  mkdirSync(dir);
  const sha: Record<string, string> = {};
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(join(dir, file), content);
    sha[file] = createHash("sha256").update(content).digest("hex");
  }
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest(sha)));
  return dir;
}

const goodManifest = (sha: Record<string, string>) => ({
  schemaVersion: "2.0",
  version: "20.0.1-7380",
  publisher: "Acme",
  packages: {
    amazon: { _any: { x86_64: { file: "agent_linux.zip" }, arm64: { file: "agent_linux.zip" } } },
    windows: { _any: { _any: { file: "agent_win.zip" } } },
  },
  files: { "agent_linux.zip": { checksums: { sha256: sha["agent_linux.zip"] } }, "agent_win.zip": { checksums: {} } },
});

describe("AgentRollout", () => {
  const dirs: string[] = [];
  beforeEach(() => useOfflineMocks());
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe("the association", () => {
    it("installs the vendor package in place on instances tagged by AutoHealingGroup, on a schedule with rate limits", async () => {
      new AgentRollout("agent", SAAS);
      await settle();
      const [association] = resourcesOfType("aws:ssm/association:Association");
      assert.equal(association.state.name, "AWS-ConfigureAWSPackage");
      assert.deepEqual(association.state.parameters, { action: "Install", installationType: "In-place update", name: "TrendMicro-CloudOne-WorkloadSecurity" });
      assert.deepEqual(association.state.targets, [{ key: `tag:${KamaeTags.agentRollout}`, values: ["true"] }]);
      assert.equal(association.state.scheduleExpression, "rate(1 day)");
      assert.equal(association.state.maxConcurrency, "10%");
      assert.equal(association.state.maxErrors, "5%");
      assert.equal(association.state.complianceSeverity, "HIGH");
      assert.equal(association.state.outputLocation, undefined);
    });

    it("passes version, additional arguments, custom targets, numbers, severity and the S3 output location", async () => {
      new AgentRollout("agent", {
        ...SAAS,
        packageVersion: "20.0.0-8438",
        installationType: "Uninstall and reinstall",
        additionalArguments: { DS_POLICY_ID: "12", DS_GROUP: "web" },
        targetTags: { Role: ["web", "api"], Env: ["prod"] },
        scheduleExpression: "cron(0 2 ? * SUN *)",
        maxConcurrency: "5",
        maxErrors: "0",
        complianceSeverity: "CRITICAL",
        outputBucketName: "ops-ssm-output",
      });
      await settle();
      const [association] = resourcesOfType("aws:ssm/association:Association");
      assert.deepEqual(association.state.parameters, {
        action: "Install",
        installationType: "Uninstall and reinstall",
        name: "TrendMicro-CloudOne-WorkloadSecurity",
        version: "20.0.0-8438",
        additionalArguments: JSON.stringify({ DS_POLICY_ID: "12", DS_GROUP: "web" }),
      });
      assert.deepEqual(association.state.targets, [
        { key: "tag:Role", values: ["web", "api"] },
        { key: "tag:Env", values: ["prod"] },
      ]);
      assert.equal(association.state.scheduleExpression, "cron(0 2 ? * SUN *)");
      assert.equal(association.state.maxConcurrency, "5");
      assert.equal(association.state.maxErrors, "0");
      assert.equal(association.state.complianceSeverity, "CRITICAL");
      assert.deepEqual(association.state.outputLocation, { s3BucketName: "ops-ssm-output", s3KeyPrefix: "agent-rollout/", s3Region: "us-east-1" });
    });

    it("uses existing parameters when no agent settings are given (no parameters, no key)", async () => {
      const rollout = new AgentRollout("agent", {});
      await settle();
      assert.equal(resourcesOfType("aws:ssm/parameter:Parameter").length, 0);
      assert.equal(resourcesOfType("aws:kms/key:Key").length, 0);
      assert.deepEqual(await valueOf(rollout.parameterNames), []);
      assert.equal(resourcesOfType("aws:ssm/association:Association").length, 1);
    });
  });

  describe("the parameters and the token", () => {
    it("creates the four flat parameters, the token a SecureString under the created key", async () => {
      const rollout = new AgentRollout("agent", SAAS);
      await settle();
      const params = Object.fromEntries(resourcesOfType("aws:ssm/parameter:Parameter").map((p) => [p.state.name, p.state]));
      assert.deepEqual(Object.keys(params).sort(), ["dsActivationUrl", "dsManagerUrl", "dsTenantId", "dsToken"]);
      assert.equal(unwrap(params.dsActivationUrl.value), "dsm://agents.deepsecurity.trendmicro.com:443/");
      assert.equal(unwrap(params.dsManagerUrl.value), "https://app.deepsecurity.trendmicro.com:443");
      assert.equal(unwrap(params.dsTenantId.value), "8C2A1B3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D");
      assert.equal(params.dsTenantId.type, "String");
      assert.equal(params.dsToken.type, "SecureString");
      const [key] = resourcesOfType("aws:kms/key:Key");
      assert.equal(params.dsToken.keyId, key.state.arn);
      assert.equal(await valueOf(rollout.kmsKeyArn), key.state.arn);
      // Instances read the token through Parameter Store only.
      const keyPolicy = iamDocuments().find((d) => d.resource === "agent-key")!.document;
      const decrypt = keyPolicy.Statement.find((s: any) => s.Sid === "InstancesReadTokenThroughParameterStore");
      assert.equal(decrypt.Condition.StringEquals["kms:ViaService"], "ssm.us-east-1.amazonaws.com");
    });

    it("lets only the named roles decrypt the token, and only through Parameter Store", async () => {
      new AgentRollout("agent", { ...SAAS, decryptingRoleArns: ["arn:aws:iam::123456789012:role/web-managed", pulumi.output("arn:aws:iam::123456789012:role/api-managed")] });
      await settle();
      const keyPolicy = iamDocuments().find((d) => d.resource === "agent-key")!.document;
      const decrypt = keyPolicy.Statement.find((s: any) => s.Sid === "InstancesReadTokenThroughParameterStore");
      assert.deepEqual(decrypt.Principal.AWS, ["arn:aws:iam::123456789012:role/api-managed", "arn:aws:iam::123456789012:role/web-managed"]);
      assert.deepEqual(decrypt.Action, "kms:Decrypt");
      assert.deepEqual(decrypt.Condition.StringEquals, { "kms:ViaService": "ssm.us-east-1.amazonaws.com", "kms:CallerAccount": "123456789012" });
      assert.throws(() => new AgentRollout("other", { ...SAAS, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k", decryptingRoleArns: ["arn:aws:iam::123456789012:role/x"] }), /decryptingRoleArns applies to the key created here/);
      assert.throws(() => new AgentRollout("other", { ...SAAS, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k", decryptingRoleArns: pulumi.output([]) }), /decryptingRoleArns applies to the key created here/);
    });

    it("decryptingRoleArns as one output (a stack reference): the same key and resources as the plain list; empty, the account as with []", async () => {
      const roles = ["arn:aws:iam::123456789012:role/web-managed", "arn:aws:iam::123456789012:role/api-managed"];
      const built = (decryptingRoleArns: pulumi.Input<pulumi.Input<string>[]>) => builtResources(() => new AgentRollout("agent", { ...SAAS, decryptingRoleArns }));
      const principals = (resources: Awaited<ReturnType<typeof built>>) =>
        JSON.parse(resources.find((r) => r.name === "agent-key")!.inputs.policy).Statement.find((s: any) => s.Sid === "InstancesReadTokenThroughParameterStore").Principal.AWS;
      const plain = await built(roles);
      assert.deepEqual(principals(plain), [...roles].sort());
      assert.deepEqual(await built(pulumi.output([roles[0], pulumi.output(roles[1])])), plain);
      const none = await built([]);
      assert.equal(principals(none), "arn:aws:iam::123456789012:root");
      assert.deepEqual(await built(pulumi.output([])), none);
    });

    it("takes configurable names and an existing key", async () => {
      new AgentRollout("agent", {
        ...SAAS,
        tenantId: "",
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/existing",
        parameterNames: { activationUrl: "/agents/ds/activation", managerUrl: "/agents/ds/manager", tenantId: "/agents/ds/tenant", token: "/agents/ds/token" },
      });
      await settle();
      const names = resourcesOfType("aws:ssm/parameter:Parameter").map((p) => p.state.name).sort();
      assert.deepEqual(names, ["/agents/ds/activation", "/agents/ds/manager", "/agents/ds/tenant", "/agents/ds/token"]);
      assert.equal(resourcesOfType("aws:kms/key:Key").length, 0);
      assert.equal(resourceNamed("agent-token").state.keyId, "arn:aws:kms:us-east-1:123456789012:key/existing");
      assert.equal(unwrap(resourceNamed("agent-tenantId").state.value), "");
    });

    it("never puts the token in a non-secret output or plain resource state, even when passed as plain text", async () => {
      for (const token of [TOKEN, pulumi.output(TOKEN), pulumi.secret(TOKEN)]) {
        await useOfflineMocks();
        const rollout = new AgentRollout("agent", { ...SAAS, token });
        const resources = await settle();
        for (const [field, value] of Object.entries(rollout)) {
          if (!pulumi.Output.isInstance(value)) continue;
          const text = JSON.stringify(await valueOf(value)) ?? "";
          if (text.includes(TOKEN)) assert.ok(await isSecret(value), `output ${field} carries the token without being secret`);
        }
        const plain = resources.flatMap((r) => plainPaths(r.state, TOKEN).map((p) => `${r.name}.${p}`));
        assert.deepEqual(plain, []);
        // The token is stored exactly once: as the secret value of the SecureString parameter.
        const stored = resourceNamed("agent-token");
        assert.equal(stored.inputs.value[SECRET_SIG], SECRET_MARK);
        assert.equal(stored.inputs.value.value, TOKEN);
        assert.deepEqual(resources.filter((r) => JSON.stringify(r.state).includes(TOKEN)).map((r) => r.name), ["agent-token"]);
      }
    });
  });

  describe("validation messages", () => {
    const cases: Array<[string, AgentRolloutArgs, RegExp]> = [
      ["activation URL without trailing slash", { ...SAAS, activationUrl: "dsm://agents.deepsecurity.trendmicro.com:443" }, /activation URL .* must end with a trailing slash: dsm:\/\/agents.deepsecurity.trendmicro.com:443\//],
      ["activation URL with https", { ...SAAS, activationUrl: "https://agents.deepsecurity.trendmicro.com:443/" }, /activation URL .* must look like dsm:\/\/host:port\//],
      ["activation URL without port", { ...SAAS, activationUrl: "dsm://dsm.company.com/" }, /must look like dsm:\/\/host:port\//],
      ["activation URL port out of range", { ...SAAS, activationUrl: "dsm://dsm.company.com:70000/" }, /port 70000, expected 1-65535/],
      ["manager URL with trailing slash", { ...SAAS, managerUrl: "https://app.deepsecurity.trendmicro.com:443/" }, /manager URL .* must not end with a slash: https:\/\/app.deepsecurity.trendmicro.com:443$/],
      ["manager URL over http", { ...SAAS, managerUrl: "http://app.deepsecurity.trendmicro.com:443" }, /manager URL .* must look like https:\/\/host:port/],
      ["manager URL with a path", { ...SAAS, managerUrl: "https://dsm.company.com:4119/api" }, /without a path/],
      ["tenant id with spaces", { ...SAAS, tenantId: "tenant one" }, /tenant id "tenant one" must be letters, digits and dashes/],
      ["empty token", { ...SAAS, token: " " }, /activation token is empty/],
      ["only some settings", { activationUrl: SAAS.activationUrl }, /activationUrl, managerUrl and token go together/],
      ["tenant without settings", { tenantId: "x" }, /tenantId was given without/],
      ["maxConcurrency 0%", { maxConcurrency: "0%" }, /maxConcurrency "0%" is out of range: a percentage must be 1%-100%/],
      ["maxConcurrency 0", { maxConcurrency: "0" }, /maxConcurrency 0 must be a whole number >= 1/],
      ["maxErrors 101%", { maxErrors: "101%" }, /maxErrors "101%" is out of range: a percentage must be 0%-100%/],
      ["maxErrors negative (a number from JavaScript)", { maxErrors: -1 as any }, /maxErrors -1 must be a whole number >= 0/],
      ["maxErrors fraction (a number from JavaScript)", { maxErrors: 1.5 as any }, /maxErrors 1.5 must be a whole number/],
      ["maxErrors word", { maxErrors: "ten" }, /maxErrors "ten" must be a whole number or a percentage/],
      ["empty tag key", { targetTags: { "": ["true"] } }, /a target tag key is empty/],
      ["blank tag key", { targetTags: { "  ": ["true"] } }, /a target tag key is empty/],
      ["tag without values", { targetTags: { Role: [] } }, /target tag "Role" has no values/],
      ["empty tag value", { targetTags: { Role: [""] } }, /target tag "Role" has an empty value/],
      ["no tags", { targetTags: {} }, /targetTags is empty/],
      ["six tags", { targetTags: { a: ["1"], b: ["1"], c: ["1"], d: ["1"], e: ["1"], f: ["1"] } }, /at most 5 targets/],
      ["aws: tag", { targetTags: { "aws:autoscaling:groupName": ["x"] } }, /reserved aws: prefix/],
      ["rate too frequent", { scheduleExpression: "rate(10 minutes)" }, /too frequent: State Manager's shortest rate is rate\(30 minutes\)/],
      ["rate plural", { scheduleExpression: "rate(1 days)" }, /"rate\(1 days\)" must say "1 day"/],
      ["cron with five fields", { scheduleExpression: "cron(0 2 * * *)" }, /has 5 cron fields; AWS takes six/],
      ["schedule word", { scheduleExpression: "daily" }, /"daily" is not a rate\(\) or cron\(\) schedule/],
      ["installation type", { installationType: "Reinstall" as any }, /installationType "Reinstall" must be one of: In-place update, Uninstall and reinstall/],
      ["severity", { complianceSeverity: "SEVERE" as any }, /complianceSeverity "SEVERE" must be one of/],
      ["parameter name prefix", { ...SAAS, parameterNames: { token: "/aws/token" } }, /reserved prefix aws or ssm/],
      ["duplicate names", { ...SAAS, parameterNames: { token: "dsTenantId" } }, /must be different/],
      ["additional argument key", { additionalArguments: { "bad-key": "x" } }, /additionalArguments key "bad-key"/],
    ];
    for (const [what, args, message] of cases) {
      it(`refuses ${what}`, () => assert.throws(() => new AgentRollout("agent", args), (err: Error) => message.test(err.message) && err.message.startsWith("kamae:AgentRollout:")));
    }

    it("never echoes the token in a validation message", () => {
      assert.throws(() => new AgentRollout("agent", { ...SAAS, token: "abc def" }), (err: Error) => !err.message.includes("abc def") && /whitespace/.test(err.message));
    });

    it("checks values that arrive as outputs when they resolve, and never stores a bad one", async () => {
      const failures: Error[] = [];
      const onRejection = (e: unknown) => failures.push(e as Error);
      process.on("unhandledRejection", onRejection);
      try {
        new AgentRollout("agent", { ...SAAS, activationUrl: pulumi.output("dsm://agents.deepsecurity.trendmicro.com:443") });
        await settle();
      } finally {
        process.off("unhandledRejection", onRejection);
      }
      assert.equal(resourcesOfType("aws:ssm/parameter:Parameter").find((p) => p.name === "agent-activationUrl"), undefined);
      assert.ok(failures.some((e) => /must end with a trailing slash/.test(String(e?.message ?? e))), `failures: ${failures.map(String).join("; ")}`);
    });
  });

  describe("a custom Distributor package", () => {
    it("uploads the zips to a secure bucket and creates a Package document with the manifest and attachments", async () => {
      const dir = packageDir(goodManifest);
      dirs.push(dir);
      const rollout = new AgentRollout("agent", { customPackage: { directory: dir } });
      await settle();
      const [doc] = resourcesOfType("aws:ssm/document:Document");
      assert.equal(doc.state.name, "AcmeAgent");
      assert.equal(doc.state.documentType, "Package");
      assert.equal(doc.state.versionName, "20.0.1-7380");
      const content = JSON.parse(doc.state.content);
      assert.equal(content.schemaVersion, "2.0");
      // The missing Windows checksum was filled in from the file.
      assert.equal(content.files["agent_win.zip"].checksums.sha256, createHash("sha256").update("PK\u0003\u0004win").digest("hex"));
      const bucket = await valueOf(rollout.packageBucketName!);
      assert.deepEqual(
        doc.state.attachmentsSources,
        ["agent_linux.zip", "agent_win.zip"].map((f) => ({ key: "S3FileUrl", name: f, values: [`https://${bucket}.s3.us-east-1.amazonaws.com/packages/AcmeAgent/20.0.1-7380/${f}`] })),
      );
      const objects = resourcesOfType("aws:s3/bucketObjectv2:BucketObjectv2");
      assert.deepEqual(objects.map((o) => o.state.key).sort(), ["packages/AcmeAgent/20.0.1-7380/agent_linux.zip", "packages/AcmeAgent/20.0.1-7380/agent_win.zip"]);
      assert.ok(objects.every((o) => o.state.serverSideEncryption === "aws:kms" && o.state.bucket === bucket));
      // The association installs this package at this version.
      const [association] = resourcesOfType("aws:ssm/association:Association");
      assert.equal(association.state.parameters.name, "AcmeAgent");
      assert.equal(association.state.parameters.version, "20.0.1-7380");
      // The bucket passes the pack: versioning, SSE-KMS, Block Public Access, TLS-only, logging.
      assert.equal(resourcesOfType("aws:s3/bucketVersioning:BucketVersioning")[0].state.versioningConfiguration.status, "Enabled");
      const encryption = (bucketName: string) => resourcesOfType("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").find((r) => r.name === `${bucketName}-encryption`)!;
      assert.equal(encryption("agent-packages").state.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
      // Its access logs go to a bucket of their own, SSE-S3: the only default encryption S3 log delivery supports.
      assert.equal(encryption("agent-packages-access-logs").state.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
      const bpa = resourcesOfType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")[0].state;
      assert.ok(bpa.blockPublicAcls && bpa.blockPublicPolicy && bpa.ignorePublicAcls && bpa.restrictPublicBuckets);
      const policy = JSON.parse(resourcesOfType("aws:s3/bucketPolicy:BucketPolicy")[0].state.policy);
      assert.ok(policy.Statement.some((s: any) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false"));
      const logging = resourcesOfType("aws:s3/bucketLogging:BucketLogging");
      assert.equal(logging.length, 1);
      assert.equal(logging[0].state.targetBucket, resourcesOfType("aws:s3/bucket:Bucket").find((b) => b.name === "agent-packages-access-logs")!.state.bucket);
    });

    it("uses an existing bucket and a given document name", async () => {
      const dir = packageDir(goodManifest);
      dirs.push(dir);
      new AgentRollout("agent", { customPackage: { directory: dir, name: "Acme-Agent" }, packageBucketName: "ops-packages", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" });
      await settle();
      assert.equal(resourcesOfType("aws:s3/bucket:Bucket").length, 0);
      assert.equal(resourcesOfType("aws:ssm/document:Document")[0].state.name, "Acme-Agent");
      assert.ok(resourcesOfType("aws:s3/bucketObjectv2:BucketObjectv2").every((o) => o.state.bucket === "ops-packages"));
    });

    const broken: Array<[string, (sha: Record<string, string>) => unknown, RegExp, Record<string, string>?]> = [
      ["a wrong checksum", (sha) => ({ ...(goodManifest(sha) as any), files: { "agent_linux.zip": { checksums: { sha256: "00" } }, "agent_win.zip": {} } }), /"agent_linux.zip" has sha256 [0-9a-f]{64}, the manifest says 00/],
      ["a missing file", (sha) => ({ ...(goodManifest(sha) as any), packages: { amazon: { _any: { x86_64: { file: "agent_mac.zip" } } } }, files: { "agent_mac.zip": {} } }), /"agent_mac.zip" named in the manifest does not exist/],
      ["an unlisted file", (sha) => ({ ...(goodManifest(sha) as any), files: { "agent_linux.zip": {} } }), /"agent_win.zip" is used by packages but not listed in files/],
      ["a listed but unused file", (sha) => ({ ...(goodManifest(sha) as any), files: { ...(goodManifest(sha) as any).files, "extra.zip": {} } }), /"extra.zip" is listed in files but no package uses it/],
      ["a wrong schema version", (sha) => ({ ...(goodManifest(sha) as any), schemaVersion: "1.2" }), /schemaVersion must be "2.0", got "1.2"/],
      ["no packages", (sha) => ({ ...(goodManifest(sha) as any), packages: {} }), /packages is empty/],
      ["an unknown platform", (sha) => ({ ...(goodManifest(sha) as any), packages: { beos: { _any: { _any: { file: "agent_linux.zip" } } } } }), /unknown platform "beos"/],
      ["a path in a file name", (sha) => ({ ...(goodManifest(sha) as any), packages: { amazon: { _any: { _any: { file: "../agent.zip" } } } } }), /"..\/agent.zip" must be a .zip in the package directory/],
      ["a stray zip", goodManifest, /zip files not named in the manifest: old.zip/, { "agent_linux.zip": "a", "agent_win.zip": "b", "old.zip": "c" }],
    ];
    for (const [what, manifest, message, files] of broken) {
      it(`refuses a package with ${what}`, () => {
        const dir = packageDir(manifest, files);
        dirs.push(dir);
        assert.throws(() => new AgentRollout("agent", { customPackage: { directory: dir } }), (err: Error) => message.test(err.message) && err.message.includes(dir));
      });
    }

    it("refuses a missing directory, bad JSON and reserved document names", () => {
      assert.throws(() => readLocalPackage("/nonexistent/pkg"), /the directory does not exist/);
      const dir = packageDir(goodManifest);
      dirs.push(dir);
      writeFileSync(join(dir, "manifest.json"), "{ not json");
      assert.throws(() => readLocalPackage(dir), /manifest.json is not valid JSON/);
      const good = packageDir(goodManifest);
      dirs.push(good);
      assert.throws(() => new AgentRollout("agent", { customPackage: { directory: good, name: "AWS-MyAgent" } }), /prefix AWS reserves/);
    });
  });
});

/** Pulumi's wire marker of a secret value (as the mock monitor records secret inputs). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_MARK = "1b47061264138c4ac30d75fd1eb44270";

/** The value of a recorded input, whether or not the provider marked it secret. */
function unwrap(value: any): unknown {
  return value && typeof value === "object" && value[SECRET_SIG] === SECRET_MARK ? value.value : value;
}

/** Paths in a recorded state where `needle` appears outside a secret value. */
function plainPaths(value: unknown, needle: string, path = ""): string[] {
  if (typeof value === "string") return value.includes(needle) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => plainPaths(v, needle, `${path}[${i}]`));
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG] === SECRET_MARK) return [];
    return Object.entries(obj).flatMap(([k, v]) => plainPaths(v, needle, path ? `${path}.${k}` : k));
  }
  return [];
}
