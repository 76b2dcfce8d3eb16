// One place for what components check at construction: what TypeScript cannot check for JavaScript and the
// multi-language SDKs, and what AWS would only reject at deploy. Construction checks plain values; an Output (or a
// promise) is known at deploy only: what a component builds with it goes through `checkedValue`, `checkedList` or
// `checkedItems`, which run the same check once it resolves, or is let through for AWS to judge.
import * as pulumi from "@pulumi/pulumi";
import { parseCidr } from "./net/cidr";

/** The error every component throws for a bad argument: `kamae:<Component>: <message>`. */
export function componentError(component: string, message: string): Error {
  return new Error(`kamae:${component}: ${message}`);
}

/** Whether a value is known at construction (neither undefined nor an Output nor a promise). */
export function isPlain<T>(value: pulumi.Input<T> | undefined): value is T {
  return value !== undefined && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

/** The plain items of a list argument: none when the list itself is an Output, and no Output item. */
export function plainItems<T>(list: pulumi.Input<pulumi.Input<T>[]> | readonly pulumi.Input<T>[] | undefined): T[] {
  if (!Array.isArray(list)) return [];
  return (list as pulumi.Input<T>[]).filter((item): item is T => isPlain(item));
}

// What AWS allows in an Auto Scaling group name, less the comma that separates the names in a function's setting.
const ASG_NAME = /^[\x20-\x7e]{1,255}$/;
export const isAutoScalingGroupName = (g: unknown): g is string => typeof g === "string" && ASG_NAME.test(g) && !g.includes(",");

/** An argument's value once known, checked by `checkItem` as construction checks a plain one (see `checkedList`). */
export function checkedValue(value: pulumi.Input<string>, checkItem: (value: string) => void): pulumi.Output<string> {
  return pulumi.output(value).apply((v) => {
    checkItem(v);
    return v;
  });
}

/**
 * A list argument's values once known, each checked by `checkItem` (a `Validator` check, which throws): the check that
 * construction runs on plain items runs on the others at deploy, so a bad value given as an output fails the deployment
 * with the same message instead of reaching AWS.
 */
export function checkedList(list: ListArg, checkItem: (item: string) => void): pulumi.Output<string[]> {
  return listOutput(list).apply((items) => {
    items.forEach(checkItem);
    return items;
  });
}

/** A list argument: a plain array (whose items may be outputs) or the whole list as one output. */
export type ListArg = pulumi.Input<pulumi.Input<string>[]> | readonly pulumi.Input<string>[];

/** A list in either form as one output of its values (`pulumi.output` takes a readonly array as it is). */
export function listOutput(list: ListArg): pulumi.Output<string[]> {
  return pulumi.output(list as pulumi.Input<pulumi.Input<string>[]>);
}

/** A list argument as components build with it: an array (its count known at construction) or one output. */
export type ListValue = readonly pulumi.Input<string>[] | pulumi.Output<string[]>;

/**
 * A list argument ready to build with, in the form given: a plain array stays an array (construction checked its
 * plain items, and the list as a whole, and decides on its count) whose output items `checkItem` checks once known; a
 * whole output is checked item by item, then by `checkList` (a count, say), at deploy. Either way a bad value fails
 * with construction's message.
 */
export function checkedItems(list: ListArg, checkItem: (item: string) => void, checkList?: (items: string[]) => void): ListValue {
  if (Array.isArray(list)) return (list as readonly pulumi.Input<string>[]).map((item) => (isPlain(item) ? item : checkedValue(item, checkItem)));
  return checkedList(list, checkItem).apply((items) => {
    checkList?.(items);
    return items;
  });
}

/** Each item of a list mapped (to an ARN, say), keeping its form: an array stays an array, an output an output. */
export function mapItems(list: ListArg, map: (item: pulumi.Input<string>) => pulumi.Input<string>): ListValue {
  if (Array.isArray(list)) return (list as readonly pulumi.Input<string>[]).map(map);
  return listOutput(list).apply((items) => pulumi.all(items.map(map)));
}

/** Several lists as one, without repeats of plain values: an array when all are arrays, else one output. */
export function joinLists(...lists: ListArg[]): ListValue {
  if (lists.every((list) => Array.isArray(list))) return [...new Set(lists.flatMap((list) => [...(list as readonly pulumi.Input<string>[])]))];
  return pulumi.all(lists.map(listOutput)).apply((all) => [...new Set(all.flat())]);
}

/**
 * Whether a list may have items, for a structural decision at construction (a statement, a child): an output list
 * may, and what is built from it must then hold for none too (`policyDocument` drops a statement left without
 * resources, so it never becomes `Resource: []`).
 */
export function mayHaveItems(list: ListArg | undefined): boolean {
  return list !== undefined && (!Array.isArray(list) || list.length > 0);
}

/**
 * A function's setting of Auto Scaling group names, comma-separated: a name known only at deploy is checked then, as
 * plain ones are at construction (`Validator.autoScalingGroupNames`), since a comma in it would split it in two.
 */
export function autoScalingGroupNamesSetting(component: string, what: string, groups: pulumi.Input<string>[]): pulumi.Output<string> {
  const check = new Validator(component);
  return checkedList(groups, (g) => check.autoScalingGroupNames(what, [g])).apply((names) => names.join(","));
}

/** The labels of a label map, whose entries name children (`${name}-<what>-<label>`, see shared/naming.ts). */
export const LABEL = /^[a-z0-9-]{1,40}$/;

/** The plain values of a label map (an output value is judged at deploy). */
export function plainValues<T>(map: Record<string, pulumi.Input<T>> | undefined): T[] {
  return Object.values(map ?? {}).filter((value): value is T => isPlain(value));
}

/** The retention periods CloudWatch Logs accepts (days); any other value fails at deploy. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** Lambda's memory range (MB). */
export const LAMBDA_MEMORY_MB = { min: 128, max: 10_240 } as const;

/** GuardDuty's severity scale (Low 1–3.9 … Critical 9–10). */
export const GUARDDUTY_SEVERITY = { min: 1, max: 10 } as const;

// The resource part of an ARN, per service, as far as Kamae takes ARNs of that service.
const ARN_RESOURCE = {
  sns: { kind: "an SNS topic ARN", resource: /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/ },
  sqs: { kind: "an SQS queue ARN", resource: /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/ },
  kms: { kind: "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)", resource: /^key\/[A-Za-z0-9-]+$/ },
  lambda: { kind: "a Lambda function ARN", resource: /^function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/ },
  iam: { kind: "an IAM role or user ARN", resource: /^(role|user)\/([\w+=,.@-]+\/)*[\w+=,.@-]+$/ },
  elasticloadbalancing: { kind: "an Elastic Load Balancing target group or load balancer ARN", resource: /^(targetgroup|loadbalancer)\/.+/ },
} as const;

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Checks of one component's arguments; each throws `componentError` naming the argument. Declare it with its type
 * (`const check: Validator = new Validator("X")`) so TypeScript knows that `check.fail` never returns.
 */
export class Validator {
  constructor(readonly component: string) {}

  fail(message: string): never {
    throw componentError(this.component, message);
  }

  /** A whole number from min to max. */
  integer(what: string, value: pulumi.Input<number> | undefined, min: number, max = Number.MAX_SAFE_INTEGER): void {
    if (!isPlain(value)) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(`${what} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`}, got ${JSON.stringify(value)}`);
    }
  }

  /** A number (fractions allowed) from min to max. */
  number(what: string, value: pulumi.Input<number> | undefined, min: number, max: number): void {
    if (!isPlain(value)) return;
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) this.fail(`${what} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }

  /** One of an enum's values (TypeScript checks the type; JavaScript and YAML programs can pass any string). */
  oneOf(what: string, value: pulumi.Input<string> | undefined, allowed: readonly string[] | Record<string, string>): void {
    if (!isPlain(value)) return;
    const values: readonly string[] = Array.isArray(allowed) ? allowed : Object.values(allowed);
    if (typeof value !== "string" || !values.includes(value)) this.fail(`${what} must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(value)}`);
  }

  /** An ARN of the service (and, for the services Kamae takes ARNs of, of the right resource type). */
  arn(what: string, value: pulumi.Input<string> | undefined, service: keyof typeof ARN_RESOURCE): void {
    if (!isPlain(value)) return;
    const m = typeof value === "string" ? /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/.exec(value) : null;
    if (!m || m[1] !== service || !ARN_RESOURCE[service].resource.test(m[4])) this.fail(`${what}: ${JSON.stringify(value)} is not ${ARN_RESOURCE[service].kind}`);
  }

  /** An S3 bucket name as AWS's naming rules allow (wildcards are a different check). */
  bucketName(what: string, value: pulumi.Input<string> | undefined): void {
    if (!isPlain(value)) return;
    const ok =
      typeof value === "string" &&
      BUCKET.test(value) &&
      !value.includes("..") &&
      !/^\d{1,3}(\.\d{1,3}){3}$/.test(value) &&
      !/^(xn--|sthree-|amzn-s3-demo-)/.test(value) &&
      !/(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(value);
    if (!ok) this.fail(`${what}: ${JSON.stringify(value)} is not an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)`);
  }

  /**
   * A label map (`{ label: value }`) whose labels can name children. A list is refused with the reason (JavaScript and
   * YAML programs written when these args were lists would otherwise pass indexes as labels).
   */
  labelMap(what: string, map: unknown): void {
    if (map === undefined) return;
    if (map === null || typeof map !== "object" || Array.isArray(map) || pulumi.Output.isInstance(map)) {
      this.fail(`${what} must be a map of labels to values (e.g. { main: vpc.id }): the label names the child resource, so the value may be an output`);
    }
    for (const label of Object.keys(map)) if (!LABEL.test(label)) this.fail(`${what} label "${label}" must be 1-40 lower-case letters, digits or hyphens`);
  }

  /** Auto Scaling group names that a function's setting joins with commas (the plain ones; outputs at deploy). */
  autoScalingGroupNames(what: string, groups: pulumi.Input<pulumi.Input<string>[]> | readonly pulumi.Input<string>[] | undefined): void {
    for (const g of plainItems(groups)) if (!isAutoScalingGroupName(g)) this.fail(`${what}: "${g}" is not an Auto Scaling group name (1-255 printable characters, no comma)`);
  }

  /** An IAM role name or `path/name` pattern (wildcards allowed) that still names some roles, not every role. */
  roleNamePattern(what: string, value: string): void {
    if (!/^[\w+=,.@*-][\w+=,.@/*-]{0,511}$/.test(value)) this.fail(`${what}: "${value}" is not a role name or path/name pattern`);
    if (value.replace(/[*/]/g, "") === "") this.fail(`${what}: "${value}" names every role of the account`);
  }

  /** An SSM document name: the account's own (3-128 letters, digits, `_ . -`) or one of AWS's. */
  ssmDocumentName(what: string, value: pulumi.Input<string> | undefined): void {
    if (!isPlain(value)) return;
    if (typeof value !== "string" || !/^[A-Za-z0-9_.-]{3,128}$/.test(value)) this.fail(`${what} "${value}" is not an SSM document name`);
  }

  vpcId(what: string, value: pulumi.Input<string> | undefined): void {
    this.resourceId(what, value, "vpc", "VPC");
  }

  subnetId(what: string, value: pulumi.Input<string> | undefined): void {
    this.resourceId(what, value, "subnet", "subnet");
  }

  securityGroupId(what: string, value: pulumi.Input<string> | undefined): void {
    this.resourceId(what, value, "sg", "security group");
  }

  /** An email address SNS can subscribe (one address, no display name). */
  email(what: string, value: pulumi.Input<string> | undefined): void {
    if (!isPlain(value)) return;
    if (typeof value !== "string" || value.length > 254 || !/^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value)) {
      this.fail(`${what}: ${JSON.stringify(value)} is not an email address`);
    }
  }

  /**
   * An EventBridge schedule: `rate(<n> <unit>)` (singular unit for 1, plural otherwise) or `cron()` with six fields,
   * one of day-of-month and day-of-week being `?`. `at` also allows `at(yyyy-mm-ddThh:mm:ss)` (SSM maintenance windows).
   */
  schedule(what: string, value: pulumi.Input<string> | undefined, options: { at?: boolean } = {}): void {
    if (!isPlain(value)) return;
    const problem = scheduleProblem(value, options.at ?? false);
    if (problem) this.fail(`${what}: ${JSON.stringify(value)} ${problem}`);
  }

  /** A CloudWatch Logs retention (the fixed list AWS accepts). */
  logRetentionDays(what: string, value: pulumi.Input<number> | undefined): void {
    if (!isPlain(value)) return;
    if (!(LOG_RETENTION_DAYS as readonly unknown[]).includes(value)) this.fail(`${what} must be one of CloudWatch Logs' retention periods (${LOG_RETENTION_DAYS.join(", ")}), got ${JSON.stringify(value)}`);
  }

  /** A CIDR whose host bits are zero (a set host bit would silently widen the rule; the message names the network). */
  cidr(what: string, value: pulumi.Input<string> | undefined): void {
    if (!isPlain(value)) return;
    const parsed = parseCidr(value as string, { strict: true });
    if (!parsed.ok) this.fail(`${what}: ${parsed.reason}`);
  }

  /** An instance type whose CPU architecture matches the image's; unknown families are left to AWS. */
  instanceTypeFor(what: string, value: pulumi.Input<string> | undefined, architecture: "arm64" | "x86_64"): void {
    if (!isPlain(value)) return;
    const actual = instanceTypeArchitecture(value);
    if (actual === undefined || actual === architecture) return;
    this.fail(
      architecture === "arm64"
        ? `${what} "${value}" is an x86_64 type but the image is arm64: set architecture: "x86_64" (or imageId of an x86_64 image), or pick a Graviton type such as t4g.small`
        : `${what} "${value}" is a Graviton (arm64) type but the image is x86_64: set architecture: "arm64" (or imageId of an arm64 image), or pick an x86_64 type such as t3.small`,
    );
  }

  private resourceId(what: string, value: pulumi.Input<string> | undefined, prefix: string, kind: string): void {
    if (!isPlain(value)) return;
    if (typeof value !== "string" || !new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(value)) this.fail(`${what}: ${JSON.stringify(value)} is not a ${kind} id (${prefix}-…)`);
  }
}

/**
 * The CPU architecture of an instance type, from its family: Graviton families have a "g" among the letters after the
 * generation digit (t4g, m7g, c6gn, x2gd, im4gn), and a1 is the first Graviton; other parseable families are x86_64.
 * Undefined for what this small table does not know (mac, u-…), which AWS judges.
 */
export function instanceTypeArchitecture(instanceType: string): "arm64" | "x86_64" | undefined {
  const m = typeof instanceType === "string" ? /^([a-z]+)(\d+)([a-z]*)(-[a-z0-9]+)?\.[a-z0-9-]+$/.exec(instanceType) : null;
  if (!m || m[1] === "mac") return undefined;
  if (m[1] === "a" && m[2] === "1") return "arm64";
  return m[3].includes("g") ? "arm64" : "x86_64";
}

const RATE_UNITS = ["minute", "hour", "day"];
const AT = /^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/;

function scheduleProblem(value: unknown, allowAt: boolean): string | undefined {
  const expected = `is not a ${allowAt ? "rate(), cron() or at()" : "rate() or cron()"} schedule`;
  if (typeof value !== "string") return expected;
  if (allowAt && AT.test(value)) return undefined;
  const rate = /^rate\((\d+) ([a-z]+)\)$/.exec(value);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2];
    const singular = unit.replace(/s$/, "");
    if (n < 1 || !RATE_UNITS.includes(singular)) return `${expected} (rate takes a positive number of minutes, hours or days)`;
    if ((n === 1) !== (unit === singular)) return `must say "${n} ${n === 1 ? singular : `${singular}s`}" (AWS refuses the other number)`;
    return undefined;
  }
  const cron = /^cron\((.+)\)$/.exec(value);
  if (!cron) return expected;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return `has ${fields.length} cron fields; AWS takes six (minutes hours day-of-month month day-of-week year)`;
  if ((fields[2] === "?") === (fields[4] === "?")) return "must have ? in exactly one of day-of-month and day-of-week";
  return undefined;
}
