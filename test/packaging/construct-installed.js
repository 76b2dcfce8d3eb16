// Runs in a child process inside an empty project whose node_modules/kamae is the unpacked `npm pack` tarball.
// Constructs every exported component under Kamae's offline mocks and prints what the Lambda functions' code points at.
// Plain JavaScript: it runs with node alone, as a consumer's compiled program would.
"use strict";
const path = require("node:path");

const kamaeRoot = path.dirname(require.resolve("kamae/package.json"));
const pulumi = require("@pulumi/pulumi");
const { OfflineMocks, installOfflineMocks } = require(path.join(kamaeRoot, "dist", "cli", "offline-mocks.js"));

const ARN = {
  targetGroup: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef",
  nlb: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/sensor/0123456789abcdef",
  topic: "arn:aws:sns:us-east-1:123456789012:deep-security",
  queue: "arn:aws:sqs:us-east-1:123456789012:waf-blocks",
  fn: "arn:aws:lambda:us-east-1:123456789012:function:isolate",
};

/** Minimal valid args of every component, turning on every function it can deploy. */
function argsFor(kamae) {
  return {
    QuarantineBucket: {},
    ManagedInstanceRole: {},
    SecurityBaseline: {},
    InstanceIsolation: { deepSecurity: { publisherArns: ["arn:aws:iam::123456789012:user/deep-security-manager"] } },
    AutoHealingGroup: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0"], targetGroupArns: [ARN.targetGroup], loadBalancerSecurityGroupIds: ["sg-0123456789abcdef0"] },
    MalwareQuarantine: { guardDutyBucketNames: { uploads: "uploads-example" } },
    TrafficMirrorFeed: { networkLoadBalancerArn: ARN.nlb },
    WafAutoBlock: { guardDuty: {}, reputationLists: {}, honeypot: {}, accessLogs: { bucketNames: ["alb-logs-example"] }, deepSecurity: { topics: { agents: ARN.topic } } },
    ApiActivityAlerts: { rules: [{ name: "root-activity", identityTypes: ["Root"] }] },
    GuardDutyResponder: {
      routes: kamae.RECOMMENDED_ROUTES,
      scanDocumentName: "AWS-RunShellScript",
      isolationFunctionArn: ARN.fn,
      wafBlockQueueArn: ARN.queue,
      wafBlockQueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/waf-blocks",
    },
    AgentRollout: {},
    PatchOnFinding: {},
    EgressAllowlist: { vpcIds: { workload: "vpc-0123456789abcdef0" } },
    MemberAccountAccess: { centralAccountId: "210987654321", externalId: "example-external-id", responders: ["instance-isolation", "guardduty-responder", "patch-on-finding"], guardDutyActions: ["isolate", "restrictCredentials"] },
    CentralEventBusAccess: { memberAccountIds: ["210987654321"] },
  };
}

/** The file paths inside an asset or archive, as the mock runtime hands them back. */
async function pathsOf(value) {
  const v = await value;
  if (!v || typeof v !== "object") return [];
  if (typeof v.path === "string" || (v.path && typeof v.path.then === "function")) return [await v.path];
  if (v.assets) {
    const assets = await v.assets;
    const nested = await Promise.all(Object.values(assets).map(pathsOf));
    return nested.flat();
  }
  return [];
}

async function settle(mocks) {
  let last = -1;
  let stable = 0;
  while (stable < 10) {
    await new Promise((r) => setTimeout(r, 10));
    stable = mocks.resources.length === last ? stable + 1 : 0;
    last = mocks.resources.length;
  }
}

async function run() {
  const mocks = new OfflineMocks();
  await installOfflineMocks(pulumi, mocks, "packaging", "test");
  const kamae = require("kamae");
  const exported = Object.entries(kamae)
    .filter(([, v]) => typeof v === "function" && v.prototype instanceof pulumi.ComponentResource)
    .map(([k]) => k)
    .sort();
  const table = argsFor(kamae);
  const constructed = [];
  const errors = [];
  for (const name of exported) {
    if (!(name in table)) {
      errors.push(`${name}: no args in test/packaging/construct-installed.js`);
      continue;
    }
    try {
      new kamae[name](`pkg-${name.toLowerCase()}`, table[name]);
      constructed.push(name);
    } catch (e) {
      errors.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await settle(mocks);
  // The code archive of every function, as the engine would receive it from the mock runtime.
  const functions = await Promise.all(
    mocks.resources.filter((r) => r.type === "aws:lambda/function:Function").map(async (r) => ({ name: r.name, paths: await pathsOf(r.inputs.code) })),
  );
  process.stdout.write(JSON.stringify({ kamaeRoot, exported, constructed, errors, functions, resourceCount: mocks.resources.length }));
}

run().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e));
    process.exit(1);
  },
);
