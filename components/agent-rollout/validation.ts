/**
 * Construction-time checks of AgentRollout's arguments. Each returns the normalised value or throws an Error whose
 * message starts with "kamae:AgentRollout:" and says what is wrong and what is expected, so `pulumi preview` fails
 * before a broken association reaches every instance.
 */

import { Validator } from "../shared/validation";

const check: Validator = new Validator("AgentRollout");

function fail(message: string): never {
  return check.fail(message);
}

const HOST = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function checkPort(what: string, value: string, port: string): void {
  const n = Number(port);
  if (!/^\d{1,5}$/.test(port) || n < 1 || n > 65535) fail(`${what} "${value}" has port ${port}, expected 1-65535`);
}

/** The agent activation URL: `dsm://host:port/`, trailing slash required (the agent refuses it otherwise). */
export function validateActivationUrl(value: string): string {
  const m = /^dsm:\/\/([^/:]+):([^/]*)(\/?)$/.exec(value);
  if (!m) fail(`activation URL "${value}" must look like dsm://host:port/ (for example dsm://agents.deepsecurity.trendmicro.com:443/)`);
  if (!HOST.test(m[1])) fail(`activation URL "${value}" has an invalid host "${m[1]}"`);
  checkPort("activation URL", value, m[2]);
  if (m[3] !== "/") fail(`activation URL "${value}" must end with a trailing slash: dsm://${m[1]}:${m[2]}/`);
  return value;
}

/** The manager URL: `https://host[:port]`, no trailing slash and no path. */
export function validateManagerUrl(value: string): string {
  if (value.endsWith("/")) fail(`manager URL "${value}" must not end with a slash: ${value.replace(/\/+$/, "")}`);
  const m = /^https:\/\/([^/:]+)(?::([^/]*))?$/.exec(value);
  if (!m) fail(`manager URL "${value}" must look like https://host:port without a path (for example https://app.deepsecurity.trendmicro.com:443)`);
  if (!HOST.test(m[1])) fail(`manager URL "${value}" has an invalid host "${m[1]}"`);
  if (m[2] !== undefined) checkPort("manager URL", value, m[2]);
  return value;
}

/** The tenant id: empty for a self-hosted manager, otherwise the vendor's tenant GUID or a number. */
export function validateTenantId(value: string): string {
  if (value !== "" && !/^[A-Za-z0-9-]{1,64}$/.test(value)) fail(`tenant id "${value}" must be letters, digits and dashes (or empty for a self-hosted manager)`);
  return value;
}

/** An activation token: never echoed in the message, it is a secret. */
export function validateToken(value: string): string {
  if (value.trim() === "") fail("the activation token is empty");
  if (/\s/.test(value)) fail("the activation token contains whitespace (a copy-paste error?)");
  return value;
}

/**
 * MaxConcurrency (at least one target at a time) or MaxErrors (zero allowed): a whole number or a percentage 0-100,
 * returned as the string State Manager expects.
 */
export function validateRate(what: "maxConcurrency" | "maxErrors", value: number | string): string {
  const min = what === "maxConcurrency" ? 1 : 0;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < min) fail(`${what} ${value} must be a whole number >= ${min} or a percentage such as "10%"`);
    return String(value);
  }
  const percent = /^(\d{1,3})%$/.exec(value);
  if (percent) {
    const n = Number(percent[1]);
    if (n > 100 || n < min) fail(`${what} "${value}" is out of range: a percentage must be ${min}%-100%`);
    return `${n}%`;
  }
  if (/^\d+$/.test(value)) return validateRate(what, Number(value));
  return fail(`${what} "${value}" must be a whole number or a percentage such as "10%"`);
}

const RATE_MINUTES: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };

/** A State Manager schedule: an EventBridge-style `rate()` (at least 30 minutes) or six-field `cron()`. */
export function validateSchedule(value: string): string {
  check.schedule("scheduleExpression", value);
  const rate = /^rate\((\d+) ([a-z]+)\)$/.exec(value);
  if (rate && Number(rate[1]) * RATE_MINUTES[rate[2]] < 30) fail(`scheduleExpression "${value}" is too frequent: State Manager's shortest rate is rate(30 minutes)`);
  return value;
}

/** Tag targets: 1-5 keys (State Manager's limit), each key and value non-empty, keys of at most 128 characters. */
export function validateTargetTags(tags: Record<string, readonly string[]>): Record<string, string[]> {
  const keys = Object.keys(tags);
  if (keys.length === 0) fail("targetTags is empty: name at least one tag, or instances would never be targeted");
  if (keys.length > 5) fail(`targetTags has ${keys.length} keys; State Manager allows at most 5 targets`);
  const out: Record<string, string[]> = {};
  for (const key of keys) {
    if (key.trim() === "") fail("a target tag key is empty");
    if (key.length > 128) fail(`target tag key "${key.slice(0, 20)}…" is longer than 128 characters`);
    if (key.toLowerCase().startsWith("aws:")) fail(`target tag key "${key}" uses the reserved aws: prefix`);
    const values = tags[key];
    if (!Array.isArray(values) || values.length === 0) fail(`target tag "${key}" has no values`);
    for (const v of values) {
      if (typeof v !== "string" || v === "") fail(`target tag "${key}" has an empty value`);
      if (v.length > 256) fail(`a value of target tag "${key}" is longer than 256 characters`);
    }
    out[key] = [...values];
  }
  return out;
}

/** A Parameter Store name: letters, digits and `_.-/`, at most 1011 characters, not under the reserved aws/ssm prefixes. */
export function validateParameterName(what: string, value: string): string {
  if (!/^\/?[A-Za-z0-9_.\-/]{1,1011}$/.test(value)) fail(`parameter name for ${what} "${value}" may only contain letters, digits and _ . - /`);
  if (/^\/?(aws|ssm)/i.test(value)) fail(`parameter name for ${what} "${value}" starts with the reserved prefix aws or ssm`);
  return value;
}

/** A custom package (SSM document) name: 3-128 characters of `A-Za-z0-9_.-`, not starting with aws, amazon or amzn. */
export function validatePackageName(value: string): string {
  if (!/^[A-Za-z0-9_.-]{3,128}$/.test(value)) fail(`package name "${value}" must be 3-128 characters of letters, digits and _ . -`);
  if (/^(aws|amazon|amzn)/i.test(value)) fail(`package name "${value}" starts with a prefix AWS reserves (aws, amazon, amzn)`);
  return value;
}

/** A published package to install (the vendor's or another): SSM document naming rules, AWS-owned names allowed. */
export function validatePublishedPackageName(value: string): string {
  if (!/^[A-Za-z0-9_.-]{3,128}$/.test(value)) fail(`packageName "${value}" must be 3-128 characters of letters, digits and _ . -`);
  return value;
}
