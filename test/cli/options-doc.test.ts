import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHECK_OPTIONS, main } from "../../cli/main";

/** The options `kamae check` documents, read from a text: every `--name` at the start of a usage line or a table row. */
function documented(text: string, linePattern: RegExp): Set<string> {
  const names = new Set<string>();
  for (const line of text.split("\n")) {
    const m = linePattern.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}

describe("kamae check's options are documented where users read them", () => {
  const accepted = Object.keys(CHECK_OPTIONS).sort();

  it("--help lists every option the command accepts, and none it does not", async () => {
    let usage = "";
    assert.equal(await main(["check", "--help"], { stdout: (t) => (usage += t), stderr: () => undefined }), 0);
    assert.deepEqual([...documented(usage, /^ {2}--([a-z-]+)/)].sort(), accepted);
  });

  it("cli/README.md's option table has a row for every option, and none for an option that does not exist", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "cli", "README.md"), "utf8");
    assert.deepEqual([...documented(readme, /^\| `--([a-z-]+)/)].sort(), accepted);
  });
});
