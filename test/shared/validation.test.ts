import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { componentError, instanceTypeArchitecture, isPlain, plainItems, Validator } from "../../components/shared/validation";

const check: Validator = new Validator("Test");
const refuses = (fn: () => void, message: RegExp) => assert.throws(fn, (err: Error) => err.message.startsWith("kamae:Test: ") && message.test(err.message));
/** A value known only at deploy: never judged at construction, whatever it will hold. */
const unknown = <T>(value: T) => pulumi.output(value);

describe("validation module (components/shared/validation.ts)", () => {
  it("componentError names the component", () => {
    assert.equal(componentError("WafAutoBlock", "bad").message, "kamae:WafAutoBlock: bad");
  });

  it("only plain values are judged: Outputs and promises are left to deploy", () => {
    assert.equal(isPlain("x"), true);
    assert.equal(isPlain(undefined), false);
    assert.equal(isPlain(unknown("x")), false);
    assert.equal(isPlain(Promise.resolve("x")), false);
    assert.deepEqual(plainItems(["a", unknown("b"), "c"]), ["a", "c"]);
    assert.deepEqual(plainItems(unknown(["a"])), []);
  });

  it("integer: whole numbers in range", () => {
    check.integer("n", 5, 1, 10);
    check.integer("n", undefined, 1, 10);
    refuses(() => check.integer("n", 0, 1, 10), /n must be a whole number from 1 to 10, got 0/);
    refuses(() => check.integer("n", 1.5, 1, 10), /got 1.5/);
    refuses(() => check.integer("n", -1, 0), /n must be a whole number >= 0, got -1/);
    check.integer("n", unknown(-1), 0);
  });

  it("number: fractions in range", () => {
    check.number("severity", 8.9, 1, 10);
    refuses(() => check.number("severity", 42, 1, 10), /severity must be a number from 1 to 10, got 42/);
    refuses(() => check.number("severity", Number.NaN, 1, 10), /severity/);
    check.number("severity", unknown(42), 1, 10);
  });

  it("oneOf: an enum's values, from a list or an as-const object", () => {
    check.oneOf("mode", "detect", { Enforce: "enforce", Detect: "detect" });
    refuses(() => check.oneOf("mode", "block", ["enforce", "detect"]), /mode must be one of "enforce", "detect", got "block"/);
    check.oneOf("mode", unknown("block"), ["enforce", "detect"]);
  });

  it("arn: the service and the resource kind", () => {
    check.arn("t", "arn:aws:sns:us-east-1:123456789012:alerts", "sns");
    check.arn("k", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "kms");
    check.arn("f", "arn:aws:lambda:eu-west-1:123456789012:function:isolate", "lambda");
    check.arn("q", "arn:aws:sqs:eu-west-1:123456789012:blocks.fifo", "sqs");
    check.arn("r", "arn:aws:iam::123456789012:role/kamae/responder", "iam");
    check.arn("g", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "elasticloadbalancing");
    refuses(() => check.arn("k", "arn:aws:kms:us-east-1:123456789012:alias/s3", "kms"), /k: "arn:aws:kms:us-east-1:123456789012:alias\/s3" is not a KMS key ARN/);
    refuses(() => check.arn("k", "arn:aws:sns:us-east-1:123456789012:alerts", "kms"), /is not a KMS key ARN/);
    refuses(() => check.arn("t", "alerts", "sns"), /is not an SNS topic ARN/);
    refuses(() => check.arn("t", "arn:aws:sns:us-east-1:1:alerts", "sns"), /is not an SNS topic ARN/);
    check.arn("k", unknown("alias/s3"), "kms");
  });

  it("bucketName: AWS's naming rules", () => {
    for (const ok of ["logs", "my.logs-2026", "a".repeat(63)]) check.bucketName("b", ok);
    for (const bad of ["ab", "Logs", "my_logs", "-logs", "logs-", "my..logs", "192.168.1.1", "xn--logs", "logs-s3alias", "a".repeat(64)]) {
      refuses(() => check.bucketName("b", bad), /b: ".*" is not an S3 bucket name/);
    }
    check.bucketName("b", unknown("Not_A_Bucket"));
  });

  it("vpcId, subnetId, securityGroupId: the id's prefix and length", () => {
    check.vpcId("vpcId", "vpc-0a1b2c3d");
    check.vpcId("vpcId", "vpc-0a1b2c3d4e5f60718");
    check.subnetId("subnet", "subnet-0a1b2c3d4e5f60718");
    check.securityGroupId("sg", "sg-0123456789abcdef0");
    refuses(() => check.vpcId("vpcId", "subnet-0a1b2c3d"), /vpcId: "subnet-0a1b2c3d" is not a VPC id \(vpc-…\)/);
    refuses(() => check.vpcId("vpcId", "vpc-123"), /is not a VPC id/);
    refuses(() => check.subnetId("subnet", "vpc-0a1b2c3d"), /is not a subnet id/);
    refuses(() => check.securityGroupId("sg", "default"), /is not a security group id/);
    check.vpcId("vpcId", unknown("default"));
  });

  it("email: one address SNS can subscribe", () => {
    check.email("e", "soc@example.com");
    check.email("e", "first.last+kamae@mail.example.co.uk");
    for (const bad of ["soc", "soc@", "@example.com", "soc@example", "SOC <soc@example.com>", "a@b.com, c@d.com"]) refuses(() => check.email("e", bad), /e: .* is not an email address/);
    check.email("e", unknown("soc"));
  });

  it("schedule: EventBridge rate() with the right number, six-field cron() with one ?", () => {
    for (const ok of ["rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(2 days)", "cron(0 3 ? * SUN *)", "cron(0/5 * * * ? *)"]) check.schedule("s", ok);
    refuses(() => check.schedule("s", "every 5 minutes"), /s: "every 5 minutes" is not a rate\(\) or cron\(\) schedule/);
    refuses(() => check.schedule("s", "rate(1 minutes)"), /must say "1 minute"/);
    refuses(() => check.schedule("s", "rate(5 minute)"), /must say "5 minutes"/);
    refuses(() => check.schedule("s", "rate(0 minutes)"), /positive number/);
    refuses(() => check.schedule("s", "rate(2 weeks)"), /minutes, hours or days/);
    refuses(() => check.schedule("s", "cron(0 3 * * *)"), /has 5 cron fields; AWS takes six/);
    refuses(() => check.schedule("s", "cron(0 3 * * SUN *)"), /\? in exactly one of day-of-month and day-of-week/);
    refuses(() => check.schedule("s", "at(2026-12-24T03:00:00)"), /is not a rate\(\) or cron\(\) schedule/);
    check.schedule("s", "at(2026-12-24T03:00:00)", { at: true });
    check.schedule("s", unknown("whenever"));
  });

  it("logRetentionDays: only CloudWatch Logs' fixed list", () => {
    for (const ok of [1, 7, 365, 3653]) check.logRetentionDays("logRetentionDays", ok);
    for (const bad of [-5, 0, 2, 366, 10_000]) refuses(() => check.logRetentionDays("logRetentionDays", bad), new RegExp(`logRetentionDays must be one of CloudWatch Logs' retention periods \\(1, 3, 5, .*\\), got ${bad}`));
    check.logRetentionDays("logRetentionDays", unknown(-5));
  });

  it("cidr: host bits refused, naming the network that was meant", () => {
    check.cidr("allowlist", "2001:db8::/48");
    check.cidr("allowlist", "203.0.113.0/24");
    refuses(() => check.cidr("allowlist", "2001:db8::1/48"), /allowlist: CIDR has host bits set: "2001:db8::1\/48" \(the network is 2001:db8::\/48\)/);
    refuses(() => check.cidr("allowlist", "10.1.2.3/16"), /the network is 10.1.0.0\/16/);
    refuses(() => check.cidr("allowlist", "10.0.0.0/33"), /allowlist: not a CIDR/);
    check.cidr("allowlist", unknown("10.1.2.3/16"));
  });

  it("instance types: Graviton families have a g after the generation digit, a1 is arm64, unknown families are left to AWS", () => {
    for (const arm of ["t4g.small", "m7g.large", "c6gn.xlarge", "r8g.medium", "a1.large", "x2gd.xlarge", "im4gn.large", "g5g.xlarge", "m6gd.metal"]) assert.equal(instanceTypeArchitecture(arm), "arm64", arm);
    for (const x86 of ["t3.small", "m7i.large", "m7i-flex.large", "c5n.xlarge", "g4dn.xlarge", "r7iz.large", "m5zn.metal", "p5.48xlarge", "hpc6a.48xlarge"]) assert.equal(instanceTypeArchitecture(x86), "x86_64", x86);
    for (const unknownType of ["mac2.metal", "u-6tb1.112xlarge", "nonsense"]) assert.equal(instanceTypeArchitecture(unknownType), undefined, unknownType);
  });

  it("instanceTypeFor: an instance type must match the image's architecture", () => {
    check.instanceTypeFor("instanceType", "t4g.small", "arm64");
    check.instanceTypeFor("instanceType", "t3.small", "x86_64");
    check.instanceTypeFor("instanceType", "u-6tb1.112xlarge", "arm64");
    refuses(() => check.instanceTypeFor("instanceType", "t3.small", "arm64"), /instanceType "t3.small" is an x86_64 type but the image is arm64: set architecture: "x86_64".* or pick a Graviton type/);
    refuses(() => check.instanceTypeFor("instanceType", "m7g.large", "x86_64"), /is a Graviton \(arm64\) type but the image is x86_64/);
    check.instanceTypeFor("instanceType", unknown("t3.small"), "arm64");
  });
});
