import { GetIPSetCommand, UpdateIPSetCommand, WAFV2Client } from "@aws-sdk/client-wafv2";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import * as ipaddr from "ipaddr.js";
import { awsError, FakeClock, RateLimit } from "../harness/aws";

interface StoredSet {
  name: string;
  id: string;
  scope: string;
  version: "IPV4" | "IPV6";
  addresses: string[];
  lockToken: string;
}

/**
 * AWS WAF's IP set API as it behaves: whole-list UpdateIPSet needing the current lock token
 * (WAFOptimisticLockException otherwise), at most 10,000 addresses (WAFLimitsExceededException), CIDRs of the set's
 * family with zero host bits (WAFInvalidParameterException), writes limited to about one per second per account and
 * Region (ThrottlingException), and IPv6 handed back in WAF's own spelling (expanded, upper-case).
 */
export class FakeWaf {
  readonly client = new WAFV2Client({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  readonly sets = new Map<string, StoredSet>();
  readonly calls = { get: 0, update: 0, throttled: 0, conflicts: 0 };
  /** Fails chosen calls ("GetIPSet", "UpdateIPSet") with the error returned: fault injection, call by call. */
  fail?: (op: string) => Error | undefined;
  /** Called inside UpdateIPSet before the token check: lets a test slip in another writer's change. */
  beforeUpdate?: (set: StoredSet) => void;
  private readonly writes: RateLimit;
  /** Removes the fake (needed after a fake of every client, so other tests can mock the class). */
  readonly restore: () => void;
  /** The SDK stub, whose calls the least-privilege test reads. */
  readonly mock: { calls(): Array<{ args: any[] }> };
  private tokens = 0;

  /** `everyClient`: answer for every WAFV2Client (for code that builds its own clients, like a handler module). */
  constructor(
    readonly clock: FakeClock,
    readonly limit = 10_000,
    everyClient = false,
  ) {
    this.writes = new RateLimit(1, 1, clock);
    const mock = everyClient ? mockClient(WAFV2Client) : mockClient(this.client);
    this.mock = mock;
    this.restore = () => mock.restore();
    mock.on(GetIPSetCommand).callsFake(async (input) => {
      this.calls.get++;
      const injected = this.fail?.("GetIPSet");
      if (injected) throw injected;
      const set = this.find(input);
      return { IPSet: { Name: set.name, Id: set.id, ARN: `arn:aws:wafv2:us-east-1:123456789012:regional/ipset/${set.name}/${set.id}`, IPAddressVersion: set.version, Addresses: [...set.addresses] }, LockToken: set.lockToken };
    });
    mock.on(UpdateIPSetCommand).callsFake(async (input) => {
      this.calls.update++;
      const injected = this.fail?.("UpdateIPSet");
      if (injected) throw injected;
      // API reference, UpdateIPSet: Name, Scope, Id, Addresses and LockToken are all required; an update replaces the
      // whole list, so a call without Addresses is refused rather than read as "empty the set".
      for (const field of ["Name", "Scope", "Id", "Addresses", "LockToken"] as const) {
        if (input[field] === undefined) throw awsError("WAFInvalidParameterException", `Error reason: A required field is missing, field: ${field.toUpperCase()}`);
      }
      const set = this.find(input);
      if (!this.writes.take()) {
        this.calls.throttled++;
        throw awsError("ThrottlingException", "Rate exceeded");
      }
      this.beforeUpdate?.(set);
      if (input.LockToken !== set.lockToken) {
        this.calls.conflicts++;
        throw awsError("WAFOptimisticLockException", "AWS WAF couldn’t save your changes because someone changed the resource after you started to edit it.");
      }
      const addresses: string[] = input.Addresses!;
      if (addresses.length > this.limit) throw awsError("WAFLimitsExceededException", `An IP set can hold at most ${this.limit} addresses`);
      set.addresses = addresses.map((a) => wafSpelling(a, set.version));
      set.lockToken = this.nextToken();
      return { NextLockToken: set.lockToken };
    });
  }

  create(name: string, version: 4 | 6, scope = "REGIONAL", id = `${name}-0000-id`): { name: string; id: string; scope: "REGIONAL"; version: 4 | 6 } {
    this.sets.set(id, { name, id, scope, version: version === 4 ? "IPV4" : "IPV6", addresses: [], lockToken: this.nextToken() });
    return { name, id, scope: scope as "REGIONAL", version };
  }

  /** What a set holds, in canonical form (for assertions). */
  contents(id: string): string[] {
    return this.sets.get(id)!.addresses.map((a) => {
      const [addr, prefix] = a.split("/");
      return `${ipaddr.parse(addr).toString()}/${prefix}`;
    });
  }

  all(): string[] {
    return [...this.sets.keys()].flatMap((id) => this.contents(id));
  }

  /** Another writer edits a set (console, another tool): the lock token changes. */
  externalEdit(id: string, addresses: string[]): void {
    const set = this.sets.get(id)!;
    set.addresses = addresses;
    set.lockToken = this.nextToken();
  }

  private find(input: { Name?: string; Id?: string; Scope?: string }): StoredSet {
    const set = input.Id ? this.sets.get(input.Id) : undefined;
    if (!set || set.name !== input.Name || set.scope !== input.Scope) throw awsError("WAFNonexistentItemException", "AWS WAF couldn’t perform the operation because your resource doesn’t exist.");
    return set;
  }

  private nextToken(): string {
    return `token-${++this.tokens}-${Math.random().toString(16).slice(2, 10)}`;
  }
}

/** Validates one address as WAF does and returns it as WAF stores it. */
function wafSpelling(text: string, version: "IPV4" | "IPV6"): string {
  const bad = () => awsError("WAFInvalidParameterException", `Error reason: invalid CIDR ${text}, field: IP_ADDRESS`);
  const [addr, prefixText, extra] = text.split("/");
  if (extra !== undefined || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) throw bad();
  const prefix = Number(prefixText);
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = version === "IPV4" ? ipaddr.IPv4.parse(addr) : ipaddr.IPv6.parse(addr);
  } catch {
    throw bad();
  }
  if (version === "IPV4" && !ipaddr.IPv4.isValidFourPartDecimal(addr)) throw bad();
  const bits = version === "IPV4" ? 32 : 128;
  if (prefix < 1 || prefix > bits) throw bad();
  const bytes = parsed.toByteArray();
  for (let bit = prefix; bit < bits; bit++) if (bytes[bit >> 3] & (0x80 >> (bit & 7))) throw bad();
  if (version === "IPV4") return `${addr}/${prefix}`;
  return `${(parsed as ipaddr.IPv6).toNormalizedString().toUpperCase()}/${prefix}`;
}

type Item = Record<string, any>;

/** DynamoDB's item size limit (400 KB) and BatchGetItem's response limit (16 MB). */
export const ITEM_LIMIT_BYTES = 400 * 1024;
export const BATCH_GET_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * An item's size as DynamoDB counts it (developer guide, "Item sizes and formats"): each attribute's UTF-8 name plus
 * its value, strings as UTF-8 bytes, numbers about 1 byte per two significant digits plus 1, booleans and nulls 1,
 * lists and maps 3 plus 1 per element and the elements (a map's element names count too).
 */
export function itemSize(item: Item): number {
  const value = (v: unknown): number => {
    if (typeof v === "string") return Buffer.byteLength(v);
    if (typeof v === "number") return Math.ceil(String(Math.abs(v)).replace(/e.*$/, "").replace(".", "").replace(/^0+|0+$/g, "").length / 2) + 1;
    if (typeof v === "boolean" || v === null) return 1;
    if (v instanceof Uint8Array) return v.byteLength;
    if (v instanceof Set) return [...v].reduce((n: number, e) => n + value(e), 0);
    if (Array.isArray(v)) return 3 + v.reduce((n: number, e) => n + 1 + value(e), 0);
    if (typeof v === "object") return 3 + Object.entries(v as Item).reduce((n, [k, e]) => n + 1 + Buffer.byteLength(k) + value(e), 0);
    return 0;
  };
  return Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + value(v), 0);
}

/**
 * DynamoDB through the document client, as it behaves for the calls Kamae makes: conditional puts
 * (ConditionalCheckFailedException), BatchGet with UnprocessedKeys, paginated Scan, atomic ADD updates returning the
 * new values, and key-condition queries. Expressions outside those forms are refused (ValidationException).
 */
export class FakeDynamo {
  readonly client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  readonly tables = new Map<string, Map<string, Item>>();
  readonly calls = { batchGet: 0, get: 0, put: 0, scan: 0, update: 0, query: 0, conditionFailures: 0 };
  /** BatchGet leaves keys beyond this many unprocessed, as DynamoDB does under load. */
  batchGetServes = 60;
  /** Removes the fake (needed after a fake of every client, so other tests can mock the class). */
  readonly restore: () => void;
  /** The SDK stub, whose calls the least-privilege test reads. */
  readonly mock: { calls(): Array<{ args: any[] }> };
  scanPageSize = 700;
  /** Fails chosen calls ("BatchGetItem", "GetItem", "Scan"): fault injection, call by call. */
  fail?: (op: string) => Error | undefined;
  /** Fails the Put of chosen items (throttling, a conflict...), as DynamoDB fails single writes under load. */
  failPut?: (item: Item) => Error | undefined;

  /** `everyClient`: answer for every document client (for code that builds its own clients, like a handler module). */
  constructor(
    private readonly keys: Record<string, string[]>,
    everyClient = false,
  ) {
    for (const name of Object.keys(keys)) this.tables.set(name, new Map());
    const mock = everyClient ? mockClient(DynamoDBDocumentClient) : mockClient(this.client);
    this.mock = mock;
    this.restore = () => mock.restore();
    mock.on(BatchGetCommand).callsFake(async (input) => {
      const injected = this.fail?.("BatchGetItem");
      if (injected) throw injected;
      this.calls.batchGet++;
      const [[table, req]] = Object.entries(input.RequestItems ?? {}) as [string, { Keys: Item[] }][];
      // API reference, BatchGetItem: "A single operation can retrieve up to 16 MB of data, which can contain as many
      // as 100 items"; more keys, or the same key twice, is a ValidationException for the whole call.
      if (req.Keys.length === 0 || req.Keys.length > 100) throw awsError("ValidationException", "Too many items requested for the BatchGetItem call");
      const keys = req.Keys.map((k) => this.key(table, k));
      if (new Set(keys).size !== keys.length) throw awsError("ValidationException", "Provided list of item keys contains duplicates");
      // Beyond 16 MB of items (or under load: batchGetServes), the remaining keys come back in UnprocessedKeys.
      let bytes = 0;
      let served = 0;
      while (served < req.Keys.length && served < this.batchGetServes) {
        const row = this.table(table).get(keys[served]);
        const size = row ? itemSize(row) : 0;
        if (served > 0 && bytes + size > BATCH_GET_RESPONSE_BYTES) break;
        bytes += size;
        served++;
      }
      const rest = req.Keys.slice(served);
      const rows = keys.slice(0, served).map((k) => this.table(table).get(k)).filter((r): r is Item => r !== undefined);
      return { Responses: { [table]: structuredClone(rows) }, UnprocessedKeys: rest.length > 0 ? { [table]: { Keys: rest } } : {} };
    });
    mock.on(GetCommand).callsFake(async (input) => {
      const injected = this.fail?.("GetItem");
      if (injected) throw injected;
      this.calls.get++;
      const row = this.table(input.TableName!).get(this.key(input.TableName!, input.Key!));
      return row ? { Item: structuredClone(row) } : {};
    });
    mock.on(PutCommand).callsFake(async (input) => {
      this.calls.put++;
      // The marshaller refuses what DynamoDB cannot store: NaN and infinities, functions, symbols.
      for (const [k, v] of Object.entries(input.Item ?? {})) {
        if ((typeof v === "number" && !Number.isFinite(v)) || typeof v === "function" || typeof v === "symbol") {
          throw new Error(`Unsupported value of ${k}: ${String(v).slice(0, 40)} cannot be marshalled`);
        }
      }
      const injected = this.failPut?.(input.Item!);
      if (injected) throw injected;
      const table = this.table(input.TableName!);
      const key = this.key(input.TableName!, input.Item!);
      const existing = table.get(key);
      if (input.ConditionExpression !== undefined) {
        // The forms Kamae writes: a new row, a row at the revision read, an item at the version read (shared/aws/versioned-item.ts).
        const versioned = input.ConditionExpression === "#version = :version" ? input.ExpressionAttributeNames?.["#version"] : undefined;
        const m = /^attribute_not_exists\((\w+)\)( OR revision = :revision)?$/.exec(input.ConditionExpression);
        if (!m && !versioned) throw awsError("ValidationException", `unsupported condition ${input.ConditionExpression}`);
        const holds = versioned
          ? existing !== undefined && existing[versioned] === input.ExpressionAttributeValues?.[":version"]
          : !existing || (m![2] !== undefined && existing.revision === input.ExpressionAttributeValues?.[":revision"]);
        if (!holds) {
          this.calls.conditionFailures++;
          throw awsError("ConditionalCheckFailedException", "The conditional request failed");
        }
      }
      for (const [k, v] of Object.entries(input.Item!)) if (v === undefined) throw awsError("ValidationException", `undefined attribute ${k}`);
      // Developer guide, Service quotas: "The maximum item size in DynamoDB is 400 KB, which includes both attribute
      // name binary length (UTF-8 length) and attribute value lengths (again binary length)".
      if (itemSize(input.Item!) > ITEM_LIMIT_BYTES) throw awsError("ValidationException", "Item size has exceeded the maximum allowed size");
      table.set(key, structuredClone(input.Item!));
      return {};
    });
    mock.on(DeleteCommand).callsFake(async (input) => {
      this.table(input.TableName!).delete(this.key(input.TableName!, input.Key!));
      return {};
    });
    mock.on(ScanCommand).callsFake(async (input) => {
      const injected = this.fail?.("Scan");
      if (injected) throw injected;
      this.calls.scan++;
      const rows = [...this.table(input.TableName!).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const start = input.ExclusiveStartKey ? rows.findIndex(([k]) => k === this.key(input.TableName!, input.ExclusiveStartKey!)) + 1 : 0;
      const page = rows.slice(start, start + this.scanPageSize);
      const more = start + this.scanPageSize < rows.length;
      return { Items: structuredClone(page.map(([, v]) => v)), ...(more ? { LastEvaluatedKey: this.keyOf(input.TableName!, page[page.length - 1][1]) } : {}) };
    });
    mock.on(UpdateCommand).callsFake(async (input) => {
      this.calls.update++;
      const table = this.table(input.TableName!);
      const key = this.key(input.TableName!, input.Key!);
      const expr = input.UpdateExpression ?? "";
      const m = /^ADD (.+?)(?: SET (.+))?$/.exec(expr);
      if (!m) throw awsError("ValidationException", `unsupported update ${expr}`);
      const names = input.ExpressionAttributeNames ?? {};
      const values = input.ExpressionAttributeValues ?? {};
      refuseUndefinedNames(expr, names);
      const row: Item = structuredClone(table.get(key) ?? { ...input.Key });
      for (const part of m[1].split(",").map((s) => s.trim())) {
        const [n, v] = part.split(/\s+/);
        const attr = names[n] ?? n;
        if (typeof values[v] !== "number") throw awsError("ValidationException", "ADD needs a number");
        row[attr] = (row[attr] ?? 0) + values[v];
      }
      for (const part of (m[2] ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
        const [n, v] = part.split(/\s*=\s*/);
        row[names[n] ?? n] = values[v];
      }
      table.set(key, row);
      return input.ReturnValues === "ALL_NEW" ? { Attributes: structuredClone(row) } : {};
    });
    mock.on(QueryCommand).callsFake(async (input) => {
      this.calls.query++;
      const [hash, range] = this.keys[input.TableName!];
      if (input.KeyConditionExpression !== "#h = :h AND #r BETWEEN :from AND :to") throw awsError("ValidationException", "unsupported key condition");
      const names = input.ExpressionAttributeNames ?? {};
      refuseUndefinedNames(input.KeyConditionExpression, names);
      // API reference, Query: the key condition names the partition key (equality) and may name the sort key.
      if (names["#h"] !== hash || names["#r"] !== range) throw awsError("ValidationException", `Query condition missed key schema element: ${hash}`);
      const v = input.ExpressionAttributeValues!;
      const items = [...this.table(input.TableName!).values()]
        .filter((row) => row[hash] === v[":h"] && row[range] >= v[":from"] && row[range] <= v[":to"])
        .sort((a, b) => a[range] - b[range]);
      return { Items: structuredClone(items) };
    });
  }

  rows(table: string): Item[] {
    return [...this.table(table).values()];
  }

  private table(name: string): Map<string, Item> {
    const t = this.tables.get(name);
    if (!t) throw awsError("ResourceNotFoundException", `Requested resource not found: Table: ${name} not found`);
    return t;
  }

  private key(table: string, item: Item): string {
    return this.keys[table].map((k) => {
      if (item[k] === undefined) throw awsError("ValidationException", `missing key attribute ${k}`);
      return String(item[k]);
    }).join("\u0000");
  }

  private keyOf(table: string, item: Item): Item {
    return Object.fromEntries(this.keys[table].map((k) => [k, item[k]]));
  }
}

/**
 * Developer guide, "Expression attribute names": every #name an expression uses must be defined in
 * ExpressionAttributeNames, and a defined name cannot be empty (ValidationException otherwise).
 */
function refuseUndefinedNames(expression: string, names: Record<string, string>): void {
  for (const [, name] of expression.matchAll(/(#\w+)/g)) {
    if (names[name] === undefined) throw awsError("ValidationException", `Invalid expression: An expression attribute name used in the document path is not defined; attribute name: ${name}`);
  }
  for (const [name, value] of Object.entries(names)) if (value === "") throw awsError("ValidationException", `ExpressionAttributeNames contains invalid value: Empty attribute name for key ${name}`);
}
