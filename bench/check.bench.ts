/**
 * `kamae check` wall time on generated programs of 100, 1,000 and 5,000 resources (a seeded mix of buckets with their
 * configuring resources, security groups, topics, log groups and keys), against Kamae's policy pack. The baseline is
 * the same check of an empty program (process start, pack start): the fixed cost every run pays. Growth is judged on
 * the time above that baseline per resource, which is constant when the check is linear.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkProgram } from "../cli/check";
import { Figure, medianMs, seededRandom } from "./lib";

const ROOT = resolve(__dirname, "..");

/** Resources each kind of item registers. */
const KINDS = { bucket: 5, securityGroup: 1, topic: 1, logGroup: 1, key: 1 } as const;
type Kind = keyof typeof KINDS;

/** A seeded list of items whose resources add up to exactly `resources`. */
export function generateItems(resources: number, seed = 42): Kind[] {
  const random = seededRandom(seed);
  const kinds = Object.keys(KINDS) as Kind[];
  const items: Kind[] = [];
  let left = resources;
  while (left > 0) {
    const fitting = kinds.filter((k) => KINDS[k] <= left);
    const kind = fitting[Math.floor(random() * fitting.length)];
    items.push(kind);
    left -= KINDS[kind];
  }
  return items;
}

const PROGRAM = `import * as aws from "@pulumi/aws";
import { items } from "./items.json";

// Generated for bench/check.bench.ts.
items.forEach((kind: string, i: number) => {
  const name = \`r\${i}\`;
  switch (kind) {
    case "bucket": {
      const b = new aws.s3.Bucket(name, {});
      new aws.s3.BucketVersioning(\`\${name}-v\`, { bucket: b.bucket, versioningConfiguration: { status: "Enabled" } });
      new aws.s3.BucketPublicAccessBlock(\`\${name}-p\`, { bucket: b.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
      new aws.s3.BucketServerSideEncryptionConfiguration(\`\${name}-e\`, { bucket: b.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] });
      new aws.s3.BucketOwnershipControls(\`\${name}-o\`, { bucket: b.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } });
      break;
    }
    case "securityGroup":
      new aws.ec2.SecurityGroup(name, { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [i % 7 === 0 ? "0.0.0.0/0" : "10.0.0.0/8"] }] });
      break;
    case "topic":
      new aws.sns.Topic(name, i % 5 === 0 ? {} : { kmsMasterKeyId: "alias/kamae" });
      break;
    case "logGroup":
      new aws.cloudwatch.LogGroup(name, { retentionInDays: 90 });
      break;
    case "key":
      new aws.kms.Key(name, { enableKeyRotation: true });
      break;
  }
});
`;

function writeProgram(parent: string, resources: number): string {
  const dir = join(parent, `program-${resources}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "Pulumi.yaml"), `name: bench-${resources}\nruntime: nodejs\n`);
  writeFileSync(join(dir, "items.json"), JSON.stringify({ items: generateItems(resources) }));
  writeFileSync(join(dir, "index.ts"), PROGRAM);
  return dir;
}

export default async function run(): Promise<Figure[]> {
  const work = mkdtempSync(join(tmpdir(), "kamae-check-bench-"));
  // The generated programs resolve @pulumi/aws from the repository's node_modules.
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  try {
    const sizes = [0, 100, 1_000, 5_000];
    const ms = new Map<number, number>();
    for (const size of sizes) {
      const dir = writeProgram(work, size);
      ms.set(size, await medianMs(size >= 5_000 ? 2 : 3, async () => {
        const report = await checkProgram(dir);
        if (report.summary.resources !== size + 1) throw new Error(`expected ${size} resources, checked ${report.summary.resources - 1}`);
      }));
    }
    const base = ms.get(0)!;
    const perResource = (n: number) => (ms.get(n)! - base) / n;
    const growth = perResource(5_000) / perResource(1_000);
    return [
      { name: "kamae check, empty program (process + pack start)", value: base / 1000, unit: "s" },
      { name: "kamae check, 100 resources", value: ms.get(100)! / 1000, unit: "s", baseline: base / 1000, ratio: ms.get(100)! / base },
      {
        name: "kamae check, 1,000 resources",
        value: ms.get(1_000)! / 1000,
        unit: "s",
        baseline: base / 1000,
        ratio: ms.get(1_000)! / base,
        target: "< 10 s",
        met: ms.get(1_000)! < 10_000,
      },
      { name: "kamae check, 5,000 resources", value: ms.get(5_000)! / 1000, unit: "s", baseline: base / 1000, ratio: ms.get(5_000)! / base },
      {
        name: "time per resource above baseline, 5,000 vs 1,000 resources",
        value: growth,
        unit: "ratio",
        ratio: growth,
        target: "≤ 1.3 (linear growth)",
        met: growth <= 1.3,
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
