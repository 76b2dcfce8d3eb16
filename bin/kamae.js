#!/usr/bin/env node
// The `kamae` command: offline checks of Pulumi programs against Kamae's policy pack (see cli/main.ts).
require("../dist/cli/main.js").main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(2);
  },
);
