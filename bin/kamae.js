#!/usr/bin/env node
// The `kamae` command: offline checks of Pulumi programs against Kamae's policy pack (see cli/main.ts).
// It exits once stdout and stderr are flushed: process.exit with writes pending cuts off a report piped to another
// program (a JSON report of a few thousand resources is larger than the pipe's buffer).
const exit = (code) => process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
// The compile cache first, so that the CLI's own modules are read from it too (dist/cli/compile-cache.js says why).
require("../dist/cli/compile-cache.js").enableCompileCache();
require("../dist/cli/main.js").main(process.argv.slice(2)).then(exit, (err) => {
  console.error(err instanceof Error ? err.stack : err);
  exit(2);
});
