// The esbuild options of a function's bundle: one place for the build (scripts/build.mjs) and for what inspects the
// bundles' contents (the functions benchmark reads the same build's metafile).
import { readFileSync } from "node:fs";
import { relative } from "node:path";

/** The Node.js of the Lambda runtime the components deploy (LAMBDA_RUNTIME in components/shared/infra/responder-function.ts). */
export const LAMBDA_NODE_TARGET = "node24";

export function bundleOptions(root, entry, outfile) {
  return {
    absWorkingDir: root,
    entryPoints: [relative(root, entry.path)],
    outfile,
    bundle: true,
    minify: true,
    sourcemap: "external",
    sourcesContent: false,
    platform: "node",
    target: LAMBDA_NODE_TARGET,
    format: "cjs",
    legalComments: "none",
    // The bundle is the whole function: nothing resolved from the runtime's node_modules.
    external: [],
    mainFields: ["module", "main"],
    logLevel: "warning",
    plugins: [sdkSchemaKeysAsLiterals],
  };
}

const SDK_SCHEMAS = /[\\/]node_modules[\\/]@aws-sdk[\\/].+[\\/]dist-es[\\/](?:.+[\\/])?schemas[\\/][^\\/]+\.js$/;
const STRING_CONST = /^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm;
const COMPUTED_KEY = /\[(_\w+)\]:/g;
const DECLARATION = /\b(?:const|let|var|function|class) (_\w+)\b/g;
const STRING = /"(?:[^"\\\n]|\\.)*"/g;
// Anything that can bind a name (a function with parameters, a method, a catch) other than the `() =>` thunks.
const SCOPE = /\bfunction\b|\bclass\b|\bcatch\b|[^)\s]\s*=>|\([^)]+\)\s*=>/;

/**
 * An AWS SDK client's schemas (`dist-es/schemas/schemas_0.js`) key their traits by constants,
 * `{ [_xN]: _TSa }` with `const _xN = "xmlName"`. esbuild cannot tell that a computed key is a string (a key's
 * conversion may run code), so it keeps every schema with one: EC2's whole 540 KiB model in each function that
 * sends one EC2 command, and the time to build it at every cold start. Writing the constant's literal in the key
 * (`{ ["xmlName"]: _TSa }`: the same object) lets esbuild drop the shapes no used command reaches. A file with a scope
 * of its own (a function other than the `() =>` thunks) or that declares one of those names twice, where a key might
 * not mean the top-level constant, is left as it is.
 */
export const sdkSchemaKeysAsLiterals = {
  name: "sdk-schema-keys-as-literals",
  setup(build) {
    build.onLoad({ filter: SDK_SCHEMAS }, ({ path }) => {
      const source = readFileSync(path, "utf8");
      const strings = new Map([...source.matchAll(STRING_CONST)].map((m) => [m[1], m[2]]));
      const declared = [...source.matchAll(DECLARATION)].map((m) => m[1]).filter((name) => strings.has(name));
      if (new Set(declared).size !== declared.length || SCOPE.test(source.replace(STRING, '""'))) return undefined;
      return { contents: source.replace(COMPUTED_KEY, (key, name) => (strings.has(name) ? `[${strings.get(name)}]:` : key)), loader: "js" };
    });
  },
};
