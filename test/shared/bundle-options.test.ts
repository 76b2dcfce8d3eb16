import { strict as assert } from "node:assert";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { build, type OnLoadArgs, type OnLoadResult, type Plugin } from "esbuild";
import { packageRoot } from "../../components/shared/infra/artifact";

const root = packageRoot();

/** Every AWS SDK schemas file installed (`@aws-sdk/<package>/dist-es/.../schemas/*.js`). */
function sdkSchemaFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string, underSchemas: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, entry.name === "schemas");
      else if (underSchemas && entry.name.endsWith(".js")) files.push(path);
    }
  };
  const sdk = join(root, "node_modules", "@aws-sdk");
  for (const pkg of readdirSync(sdk)) if (existsSync(join(sdk, pkg, "dist-es"))) walk(join(sdk, pkg, "dist-es"), false);
  return files.sort();
}

/** A schema's value, walked: a reference to another schema is a thunk (`() => Other$`), followed; a class, by name. */
function assertSameSchema(a: unknown, b: unknown, path: string, seen: Map<object, unknown>): void {
  if (typeof a === "function" && typeof b === "function") {
    if (a.length === 0 && a.toString().startsWith("()")) return assertSameSchema(a(), b(), `${path}()`, seen);
    assert.equal(a.name, b.name, path);
    return;
  }
  if (typeof a !== "object" || a === null) return assert.equal(a, b, path);
  assert.ok(typeof b === "object" && b !== null, `${path}: ${String(b)} where an object was`);
  if (seen.get(a) === b) return;
  seen.set(a, b);
  assert.deepEqual(Object.keys(b), Object.keys(a), path);
  for (const key of Object.keys(a)) assertSameSchema((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, seen);
}

describe("Lambda bundle options: the AWS SDK's schemas with their trait keys written as literals", function () {
  this.timeout(120_000);
  let plugin: Plugin;
  let scratch: string;

  before(async () => {
    ({ sdkSchemaKeysAsLiterals: plugin } = (await import(join(root, "scripts", "bundle-options.mjs"))) as { sdkSchemaKeysAsLiterals: Plugin });
    scratch = mkdtempSync(join(tmpdir(), "kamae-schema-keys-"));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** The plugin's load step, called as esbuild calls it. */
  function load(path: string): OnLoadResult | undefined {
    let filter: RegExp | undefined;
    let onLoad: ((args: OnLoadArgs) => OnLoadResult | undefined) | undefined;
    void plugin.setup({
      onLoad: (options: { filter: RegExp }, callback: typeof onLoad) => {
        filter = options.filter;
        onLoad = callback;
      },
    } as never);
    assert.ok(filter && onLoad);
    if (!filter.test(path)) return undefined;
    return onLoad({ path } as OnLoadArgs);
  }

  /** The module's exports, its imports (the SDK's runtime) bundled in. */
  async function evaluate(name: string, path: string, contents: string): Promise<Record<string, unknown>> {
    const outfile = join(scratch, `${name}.mjs`);
    const result = await build({ stdin: { contents, resolveDir: dirname(path), sourcefile: path }, bundle: true, platform: "node", format: "esm", mainFields: ["module", "main"], write: false, logLevel: "error" });
    writeFileSync(outfile, result.outputFiles[0].text);
    return { ...((await import(outfile)) as Record<string, unknown>) };
  }

  it("gives every exported schema of every installed SDK client the same value as the package's own file", async () => {
    const files = sdkSchemaFiles();
    assert.ok(files.length >= 15, `expected the SDK clients' schemas, found ${files.length}`);
    for (const [i, path] of files.entries()) {
      const name = relative(join(root, "node_modules"), path);
      const source = readFileSync(path, "utf8");
      const rewritten = load(path);
      assert.ok(rewritten?.contents, `${name}: not rewritten (the filter or the file's layout no longer matches)`);
      assert.notEqual(rewritten.contents, source, `${name}: no key rewritten`);
      assert.doesNotMatch(String(rewritten.contents), /\[_\w+\]:/, `${name}: a key by constant is left`);
      const original = await evaluate(`original-${i}`, path, source);
      const literal = await evaluate(`literal-${i}`, path, String(rewritten.contents));
      assert.deepEqual(Object.keys(literal).sort(), Object.keys(original).sort(), `${name}: exports differ`);
      const seen = new Map<object, unknown>();
      for (const key of Object.keys(original)) assertSameSchema(original[key], literal[key], `${name}: ${key}`, seen);
    }
  });

  it("leaves a file alone where a key's name might not be the top-level constant: rebound in a scope, or declared again", () => {
    const dir = join(scratch, "node_modules", "@aws-sdk", "client-x", "dist-es", "schemas");
    const path = join(dir, "schemas_0.js");
    mkdirSync(dir, { recursive: true });
    const schemas = 'const _xN = "xmlName";\nexport var A$ = [3, "n", "A", 0, [], [[() => B$, { [_xN]: "a" }]]];\n';
    writeFileSync(path, `${schemas}export var B$ = [3, "n", "B", 0, [], []];\n`);
    assert.equal(load(path)?.contents, `${schemas.replace("[_xN]", '["xmlName"]')}export var B$ = [3, "n", "B", 0, [], []];\n`);
    for (const rebinding of ["export function f(_xN) { return { [_xN]: 1 }; }", "export const f = (_xN) => ({ [_xN]: 1 });", "export const f = _xN => ({ [_xN]: 1 });"]) {
      writeFileSync(path, `${schemas}${rebinding}\n`);
      assert.equal(load(path), undefined, rebinding);
    }
    writeFileSync(path, `${schemas}{ let _xN = "other"; }\n`);
    assert.equal(load(path), undefined);
  });
});
