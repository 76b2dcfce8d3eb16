import { parseIp } from "../net/cidr";

/**
 * Field readers for untrusted JSON: tolerant of what vendors really send (numbers as strings, unknown fields), strict
 * about what responders act on. Only own properties are read, so `__proto__`/`constructor` keys never reach the
 * prototype chain, and values are copied out (never the input objects themselves).
 */

/** SNS and SQS messages are at most 256 KiB; anything much larger is not a real message. */
export const MAX_MESSAGE_CHARS = 1024 * 1024;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function field(obj: unknown, key: string): unknown {
  if (!isObject(obj) || !Object.prototype.hasOwnProperty.call(obj, key)) return undefined;
  return obj[key];
}

/** Follows a path of own properties; undefined as soon as one is missing. */
export function path(obj: unknown, ...keys: string[]): unknown {
  let current = obj;
  for (const key of keys) current = field(current, key);
  return current;
}

/** Parses a JSON text of bounded size; undefined when it is not JSON. */
export function parseJsonText(text: unknown): { value: unknown } | { error: string } {
  if (typeof text !== "string") return { error: `expected a JSON string, got ${describe(text)}` };
  if (text.length > MAX_MESSAGE_CHARS) return { error: `message of ${text.length} characters exceeds ${MAX_MESSAGE_CHARS}` };
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: `message is not JSON (${err instanceof RangeError ? "nesting too deep" : "syntax error"})` };
  }
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

export const ACCOUNT_ID = /^\d{12}$/;
export const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const ENI_ID = /^eni-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** General purpose bucket naming rules (current ones: lower case, 3–63, no IP form, no reserved prefixes/suffixes). */
export function isValidBucketName(name: unknown): name is string {
  if (typeof name !== "string" || name.length < 3 || name.length > 63) return false;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false;
  if (name.includes("..") || /^\d+\.\d+\.\d+\.\d+$/.test(name)) return false;
  if (/^(?:xn--|sthree-|amzn-s3-demo-)/.test(name)) return false;
  return !/(?:-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An object key: non-empty, at most 1024 bytes of UTF-8 (S3's limit), no lone surrogates. */
export function isValidObjectKey(key: unknown): key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > 1024) return false;
  if (LONE_SURROGATE.test(key)) return false;
  return Buffer.byteLength(key, "utf8") <= 1024;
}

/** Decodes an S3 event-notification key: form encoding, '+' is a space. Undefined when the escapes are malformed. */
export function decodeS3EventKey(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/**
 * Collects the fields of one record. Absent (undefined, null or "") is fine for optional fields; present but wrong is
 * an error, and a record with any error is rejected with all the reasons.
 */
export class FieldReader {
  readonly errors: string[] = [];
  constructor(
    private readonly obj: unknown,
    private readonly where = "",
  ) {}

  private name(key: string): string {
    return this.where ? `${this.where}.${key}` : key;
  }

  private raw(key: string): unknown {
    const v = field(this.obj, key);
    return v === null || v === "" ? undefined : v;
  }

  error(message: string): void {
    this.errors.push(message);
  }

  /** Any string (descriptive text); non-strings are ignored rather than rejected. */
  text(key: string): string | undefined {
    const v = this.raw(key);
    return typeof v === "string" ? v : undefined;
  }

  requiredText(key: string): string | undefined {
    const v = this.raw(key);
    if (typeof v === "string") return v;
    this.error(`${this.name(key)} is missing or not a string (${describe(v)})`);
    return undefined;
  }

  /** A string that must match the pattern when present. */
  matching(key: string, pattern: RegExp, what: string, required = false): string | undefined {
    let v = this.raw(key);
    if (v === undefined) {
      if (required) this.error(`${this.name(key)} is missing`);
      return undefined;
    }
    if (typeof v === "number" && Number.isSafeInteger(v)) v = String(v);
    if (typeof v === "string" && pattern.test(v)) return v;
    this.error(`${this.name(key)} is not ${what}: ${describe(v)}`);
    return undefined;
  }

  /** A finite number in [min, max] (numeric strings accepted); integers only with `integer`. */
  number(key: string, range: { min: number; max: number; integer?: boolean; required?: boolean }): number | undefined {
    const v = this.raw(key);
    if (v === undefined) {
      if (range.required) this.error(`${this.name(key)} is missing`);
      return undefined;
    }
    const n = toNumber(v);
    if (n === undefined || (range.integer && !Number.isInteger(n)) || n < range.min || n > range.max) {
      this.error(`${this.name(key)} is not ${range.integer ? "an integer" : "a number"} in [${range.min}, ${range.max}]: ${describe(v)}`);
      return undefined;
    }
    return n;
  }

  /** An IP address, returned in canonical form. */
  ip(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    const parsed = typeof v === "string" ? parseIp(v) : undefined;
    if (parsed?.ok) return parsed.value.text;
    this.error(`${this.name(key)} is not an IP address: ${describe(v)}`);
    return undefined;
  }

  /** An ISO-8601 timestamp; kept only when it parses (timestamps are informational). */
  timestamp(key: string): string | undefined {
    const v = this.text(key);
    return v !== undefined && v.length <= 40 && Number.isFinite(Date.parse(v)) ? v : undefined;
  }
}

/** A number, or a string holding a plain decimal number (vendors such as Deep Security send both). */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.length <= 32 && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}
