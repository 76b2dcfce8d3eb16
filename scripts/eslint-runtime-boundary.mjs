// Runtime code (every `lambda/` folder and components/shared/{runtime,events,aws,net}) runs inside Lambda functions,
// bundled on its own: it must never reach `@pulumi/*`, neither directly nor through an infrastructure module. This rule
// reports both: a `@pulumi/*` import, and a relative import that leaves the runtime folders.
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Runtime folders, as paths relative to the repository root (POSIX separators). */
export const RUNTIME_FILES = ["components/*/lambda/**/*.ts", "components/shared/{runtime,events,aws,net}/**/*.ts"];

function isRuntimePath(path) {
  const rel = relative(root, path).split(sep).join("/");
  return /^components\/[^/]+\/lambda\//.test(rel) || /^components\/shared\/(runtime|events|aws|net)\//.test(rel);
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Runtime code imports neither @pulumi/* nor infrastructure modules" },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    function check(node, source) {
      if (typeof source !== "string") return;
      if (source.startsWith("@pulumi/")) {
        context.report({ node, message: `runtime code must not import ${source}: it runs in a Lambda function, not in a Pulumi program` });
      } else if (source.startsWith(".") && !isRuntimePath(resolve(dirname(file), source))) {
        context.report({ node, message: `runtime code must not import ${source}: it is outside the runtime folders (lambda/, shared/{runtime,events,aws,net})` });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { "runtime-boundary": rule } };
