/**
 * `kamae check` (the built CLI, bin/kamae.js) on generated programs of a realistic mix (encrypted buckets with their configuring resources,
 * security groups with rules, instances, IAM roles with policies) of 1,000, 3,000 and 5,000 resources, against
 * Kamae's policy pack. Each check runs as `kamae check` runs, in a process of its own (under GNU time, which reports
 * the peak RSS of the largest process of the tree: the CLI, the program's process or the pack's, and the CPU time of
 * all of them). Rounds alternate every size with bare `node`, so the machine's load colours all alike; times are CPU
 * times (the machine is shared; wall times are printed alongside). Growth is judged on time and memory per resource
 * above the empty program's, which stay flat when the check is linear.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Figure, median, seededRandom } from "./lib";

const ROOT = resolve(__dirname, "..");
const PAIRS = 5;

/** Resources each kind of item registers. */
const KINDS = { bucket: 5, securityGroup: 3, instance: 1, role: 3 } as const;
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

// Generated for bench/check.bench.ts: what a platform team's stack holds, in a realistic mix.
const vpcId = "vpc-0a1b2c3d4e5f67890";
items.forEach((kind: string, i: number) => {
  const name = \`r\${i}\`;
  const tags = { team: \`team-\${i % 17}\`, env: i % 3 === 0 ? "prod" : "staging", costCenter: String(1000 + (i % 40)) };
  switch (kind) {
    case "bucket": {
      const b = new aws.s3.Bucket(name, { tags });
      new aws.s3.BucketVersioning(\`\${name}-v\`, { bucket: b.id, versioningConfiguration: { status: "Enabled" } });
      new aws.s3.BucketPublicAccessBlock(\`\${name}-p\`, { bucket: b.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
      new aws.s3.BucketServerSideEncryptionConfiguration(\`\${name}-e\`, { bucket: b.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] });
      new aws.s3.BucketOwnershipControls(\`\${name}-o\`, { bucket: b.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
      break;
    }
    case "securityGroup": {
      const sg = new aws.ec2.SecurityGroup(name, { vpcId, description: \`service \${i}\`, tags });
      new aws.vpc.SecurityGroupIngressRule(\`\${name}-in\`, { securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: i % 7 === 0 ? "0.0.0.0/0" : "10.0.0.0/8" });
      new aws.vpc.SecurityGroupEgressRule(\`\${name}-out\`, { securityGroupId: sg.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
      break;
    }
    case "instance":
      new aws.ec2.Instance(name, {
        ami: "ami-0abcdef1234567890",
        instanceType: i % 4 === 0 ? "m7g.large" : "t4g.small",
        subnetId: "subnet-0123456789abcdef0",
        metadataOptions: { httpTokens: i % 9 === 0 ? "optional" : "required", httpEndpoint: "enabled" },
        rootBlockDevice: { encrypted: true, volumeSize: 30, volumeType: "gp3" },
        monitoring: true,
        ebsOptimized: true,
        tags,
      });
      break;
    case "role": {
      const role = new aws.iam.Role(name, {
        assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
        tags,
      });
      new aws.iam.RolePolicyAttachment(\`\${name}-basic\`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" });
      new aws.iam.RolePolicy(\`\${name}-inline\`, {
        role: role.id,
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: \`arn:aws:s3:::bucket-\${i}/*\` }] }),
      });
      break;
    }
  }
});
`;

export function writeProgram(parent: string, resources: number): string {
  const dir = join(parent, `program-${resources}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "Pulumi.yaml"), `name: bench-${resources}\nruntime: nodejs\n`);
  writeFileSync(join(dir, "items.json"), JSON.stringify({ items: generateItems(resources) }));
  writeFileSync(join(dir, "index.ts"), PROGRAM);
  return dir;
}

interface Sample {
  /** Wall time, ms. */
  readonly wall: number;
  /** CPU time (user + system) of the whole process tree, ms. */
  readonly ms: number;
  /** Peak RSS of the largest process of the tree, MiB. */
  readonly mib: number;
}

/** Times and peak RSS of one command, from GNU time. */
function timed(args: string[], expectResources?: number): Sample {
  const start = process.hrtime.bigint();
  const child = spawnSync("/usr/bin/time", ["-f", "@@maxrss %M %U %S", ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, cwd: ROOT });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /@@maxrss (\d+) ([\d.]+) ([\d.]+)/.exec(child.stderr ?? "");
  if (!rss) throw new Error(`no memory figure: ${child.stderr?.slice(-2000)}`);
  if (expectResources !== undefined) {
    const report = JSON.parse(readFileSync(args[args.length - 1], "utf8")) as { summary: { resources: number } };
    if (report.summary.resources !== expectResources + 1) throw new Error(`expected ${expectResources} resources, checked ${report.summary.resources - 1}`);
  }
  return { wall, ms: (Number(rss[2]) + Number(rss[3])) * 1000, mib: Number(rss[1]) / 1024 };
}

const check = (dir: string, resources: number) => timed([process.execPath, join(ROOT, "bin", "kamae.js"), "check", dir, "--format", "json", "--output", join(dir, "report.json")], resources);
const bareNode = () => timed([process.execPath, "-e", "0"]);

export default async function run(): Promise<Figure[]> {
  const work = mkdtempSync(join(tmpdir(), "kamae-check-bench-"));
  // The generated programs resolve @pulumi/aws from the repository's node_modules.
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  try {
    const sizes = [0, 1_000, 3_000, 5_000];
    const dirs = new Map(sizes.map((n) => [n, writeProgram(work, n)]));
    check(dirs.get(0)!, 0); // warm-up: the file system cache, tsx's cache
    const samples = new Map<number, Sample[]>(sizes.map((n) => [n, []]));
    const bare: number[] = [];
    // Rounds: every size once and bare node between, so load on the machine colours all sizes alike.
    for (let round = 0; round < PAIRS; round++) {
      for (const n of round % 2 === 0 ? sizes : [...sizes].reverse()) {
        bare.push(bareNode().ms);
        samples.get(n)!.push(check(dirs.get(n)!, n));
      }
    }
    const ms = (n: number) => median(samples.get(n)!.map((s) => s.ms));
    const wall = (n: number) => median(samples.get(n)!.map((s) => s.wall));
    const mib = (n: number) => median(samples.get(n)!.map((s) => s.mib));
    // Per-round ratios of the growth figures, for their spread.
    const perRound = (n: number, round: number, f: "ms" | "mib") => (samples.get(n)![round][f] - samples.get(0)![round][f]) / n;
    const growth = (f: "ms" | "mib") => {
      const ratios = Array.from({ length: PAIRS }, (_, r) => perRound(5_000, r, f) / perRound(1_000, r, f));
      return { ratio: median(ratios), spread: [Math.min(...ratios), Math.max(...ratios)] as const };
    };
    const node = median(bare);
    // No ratio to bare node: its CPU time (about 20 ms) is within two ticks of GNU time's 10 ms resolution.
    const figures: Figure[] = [{ name: "kamae check, empty program (process, program and pack start): CPU time", value: ms(0) / 1000, unit: "s", baseline: node / 1000 }];
    for (const n of [1_000, 3_000, 5_000]) {
      const ratios = samples.get(n)!.map((s, r) => s.ms / samples.get(0)![r].ms);
      figures.push({
        name: `kamae check, ${n.toLocaleString("en-US")} resources (realistic mix): CPU time of its processes (baseline: the empty program)`,
        value: ms(n) / 1000,
        unit: "s",
        baseline: ms(0) / 1000,
        ratio: median(ratios),
        spread: [Math.min(...ratios), Math.max(...ratios)],
        ...(n === 3_000 ? { target: "≤ 10 s", met: ms(n) <= 10_000 } : {}),
      });
      figures.push({ name: `kamae check, ${n.toLocaleString("en-US")} resources: wall time on this shared machine`, value: wall(n) / 1000, unit: "s", baseline: node / 1000 });
      figures.push({
        name: `kamae check, ${n.toLocaleString("en-US")} resources: peak RSS of the largest process`,
        value: mib(n),
        unit: "MiB",
        baseline: mib(0),
        ratio: mib(n) / mib(0),
        ...(n === 3_000 ? { target: "≤ 500 MiB", met: mib(n) <= 500 } : {}),
      });
    }
    const t = growth("ms");
    const m = growth("mib");
    figures.push({ name: "time per resource above the empty program, 5,000 vs 1,000 resources", value: t.ratio, unit: "ratio", ratio: t.ratio, spread: t.spread, target: "≤ 1.1 (flat)", met: t.ratio <= 1.1 });
    figures.push({ name: "memory per resource above the empty program, 5,000 vs 1,000 resources", value: m.ratio, unit: "ratio", ratio: m.ratio, spread: m.spread, target: "≤ 1.1 (flat)", met: m.ratio <= 1.1 });
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
