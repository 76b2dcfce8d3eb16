import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { SNSClient } from "@aws-sdk/client-sns";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { AUTO_SCALING_GROUP_TAG, KamaeTags } from "../../components/shared/runtime/tags";
import { Ledger } from "../../components/instance-isolation/lambda/ledger";
import { SnsReporter } from "../../components/instance-isolation/lambda/report";
import { handleEvent, ResponderDeps } from "../../components/instance-isolation/lambda/respond";
import { isolationSettingsFromEnv } from "../../components/instance-isolation/lambda/settings";
import { ACCOUNT, FakeAws, FakeInstance, REGION, TOPIC_ARN } from "./fakes";

export const INSTANCE = "i-0123456789abcdef0";
export const VPC = "vpc-0a1b2c3d4e5f60718";
export const ISOLATION_PROFILE = "kamae-isolation";
export const WEB_PROFILE_ARN = `arn:aws:iam::${ACCOUNT}:instance-profile/web-profile`;
export const TG_HTTP = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web-http/0123456789abcdef`;
export const TG_API = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web-api/fedcba9876543210`;
export const TG_OTHER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/other/0000000000000001`;

export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(__dirname, "../../components/instance-isolation/fixtures", name), "utf8"));
}

export interface WebTier {
  fake: FakeAws;
  webGroup: string;
  instance: FakeInstance;
}

/**
 * The main case: a web server in an Auto Scaling group behind two target groups, with two ENIs (one with an
 * Elastic IP), an instance profile, two volumes; plus a neighbour instance and an unrelated target group.
 */
export function webTier(options: { inAsg?: boolean; tags?: Record<string, string>; enis?: number } = {}): WebTier {
  const fake = new FakeAws();
  const web = fake.addGroup(VPC, "web", {}, { ingress: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] });
  const admin = fake.addGroup(VPC, "admin", {}, { ingress: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }] });
  fake.profiles.set("web-profile", { arn: WEB_PROFILE_ARN, roleName: "web-role" });
  fake.profiles.set(ISOLATION_PROFILE, { arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${ISOLATION_PROFILE}`, roleName: "kamae-isolation-role" });
  const enis = options.enis ?? 2;
  const instance: FakeInstance = {
    id: INSTANCE,
    state: "running",
    tags: { Name: "web-1", [KamaeTags.isolationScope]: "true", ...(options.tags ?? {}) },
    enis: Array.from({ length: enis }, (_, i) => ({
      id: `eni-0a1b2c3d4e5f6071${i}`,
      vpcId: VPC,
      groups: i === 0 ? [web.id, admin.id] : [admin.id],
      privateIps: [`10.0.1.${17 + i}`],
      deviceIndex: i,
    })),
    profile: { associationId: "iip-assoc-0123456789abcdef0", arn: WEB_PROFILE_ARN },
    disableApiTermination: false,
    shutdownBehavior: "terminate",
    volumes: [
      { deviceName: "/dev/xvda", volumeId: "vol-0000000000000000a", deleteOnTermination: true },
      { deviceName: "/dev/xvdb", volumeId: "vol-0000000000000000b", deleteOnTermination: true },
    ],
  };
  fake.instances.set(INSTANCE, instance);
  const neighbour: FakeInstance = { ...structuredClone(instance), id: "i-0fedcba9876543210", enis: [{ id: "eni-0fedcba987654321f", vpcId: VPC, groups: [web.id], privateIps: ["10.0.2.30"], deviceIndex: 0 }] };
  fake.instances.set(neighbour.id, neighbour);
  fake.addresses.push({ allocationId: "eipalloc-0123456789abcdef0", publicIp: "203.0.113.10", associationId: "eipassoc-0123456789abcdef0", instanceId: INSTANCE, eniId: instance.enis[0].id, privateIp: "10.0.1.17" });
  fake.targetGroups.set(TG_HTTP, { arn: TG_HTTP, vpcId: VPC, targetType: "instance", port: 80, targets: [{ id: INSTANCE, port: 80, state: "healthy" }, { id: neighbour.id, port: 80, state: "healthy" }] });
  fake.targetGroups.set(TG_API, { arn: TG_API, vpcId: VPC, targetType: "ip", port: 8080, targets: [{ id: "10.0.1.17", port: 8080, state: "healthy" }] });
  fake.targetGroups.set(TG_OTHER, { arn: TG_OTHER, vpcId: "vpc-0ther000000000000", targetType: "instance", port: 80, targets: [] });
  if (options.inAsg ?? true) {
    fake.asgs.set("web-asg", { name: "web-asg", instances: [INSTANCE, neighbour.id], desired: 2, min: 1, max: 4, targetGroupArns: [TG_HTTP] });
    for (const i of [instance, neighbour]) i.tags[AUTO_SCALING_GROUP_TAG] = "web-asg";
  }
  return { fake: fake.install(), webGroup: web.id, instance };
}

export const BASE_ENV = {
  KAMAE_MODE: "enforce",
  KAMAE_TABLE_NAME: "kamae-isolation",
  KAMAE_REPORT_TOPIC_ARN: TOPIC_ARN,
  KAMAE_ISOLATION_PROFILE_NAME: ISOLATION_PROFILE,
  KAMAE_HOME_ACCOUNT_ID: ACCOUNT,
  KAMAE_DS_REGION: REGION,
};

export function deps(env: Record<string, string> = {}, now = () => Date.parse("2026-11-23T04:10:00Z")): ResponderDeps {
  const settings = isolationSettingsFromEnv({ ...BASE_ENV, ...env });
  return {
    settings,
    clients: new AccountClients({ homeAccountId: ACCOUNT, memberAccountIds: [], sessionName: "kamae-test" }),
    ledger: new Ledger(DynamoDBDocumentClient.from(new DynamoDBClient({ region: REGION })), settings.tableName),
    reporter: new SnsReporter(new SNSClient({ region: REGION }), settings.reportTopicArn),
    now,
  };
}

export const run = (event: unknown, d: ResponderDeps = deps()) => handleEvent(event, d);
