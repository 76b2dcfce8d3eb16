// npm runs `prepare` on `npm install` in a checkout and when it (or `pulumi package add`) installs Kamae from git. A git
// install has no dist/, yet npm users load dist/components (package.json `main`/`exports`) and every component loads its
// Lambda bundles from dist/functions: build them when they are missing. A checkout that has dist/ keeps it (`npm run
// build` refreshes it; `npm pack` rebuilds it through `prepack`), so a plain `npm install` stays fast.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = ["dist/components/index.js", "dist/policies/policies.js", "dist/functions"].every((p) => existsSync(join(root, p)));
if (built) {
  console.log("prepare: dist/ is present, not rebuilding (npm run build refreshes it)");
} else {
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
}
