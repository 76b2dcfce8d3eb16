import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { CANNOT_JUDGE_LEVELS, CannotJudgeLevel } from "../policies/preview";
import { FRAMEWORK_NAMES, FrameworkName } from "./catalog";
import { checkProgram, failsCheck } from "./check";
import { POLICY_FORMATS, PolicyFormat, renderPolicies } from "./policies";
import { FAIL_ON, FailOn } from "./policy-config";
import { ProgramError } from "./program";
import { Format, FORMATS, render, renderTable } from "./report";

const USAGE = `Usage: kamae check <program-dir> [options]

Runs a Pulumi TypeScript program offline (no AWS account, no Pulumi CLI) and evaluates Kamae's policy pack over the
resources it would create, as \`pulumi preview --policy-pack\` would.

Options:
  --format table|json|csv|sarif   output format (default: table)
  --output FILE                   write the report there (the table still goes to stdout)
  --policy-pack DIR               policy pack directory (default: Kamae's own pack)
  --config FILE                   the program's stack config (default: Pulumi.<stack>.yaml next to Pulumi.yaml)
  --stack NAME                    the stack whose Pulumi.<stack>.yaml is read (default: the only one there is)
  --policy-config FILE            policy pack config JSON, as for pulumi preview --policy-pack-config
  --framework fsbp|cis|nist|pci    only the policies that judge a control of that framework
  --cannot-judge LEVEL            advisory|mandatory|disabled: how policies report what a preview cannot judge
                                  (default: each policy's cannotJudge config, advisory)
  --fail-on mandatory|advisory|none
                                  the lowest level of unsuppressed finding that fails the check (default: mandatory)
  --fail-on-unchecked             fail when resources could not be checked (components the run could not expand)
                                  (both also as {"kamae-check": {"failOn": "...", "failOnUnchecked": true}} in the
                                  --policy-config file; the flags win)

Also: kamae policies [--format table|json] [--framework fsbp|cis|nist|pci]   lists the catalog with its control ids

Exit codes: 0 passed, 1 failed (a mandatory violation, or what --fail-on and --fail-on-unchecked say), 2 the program
or the check failed (the error says which file and what to do).
`;

/** What `kamae check` accepts; the usage text and cli/README.md's option table document each (test/cli/options-doc.test.ts). */
export const CHECK_OPTIONS = {
  format: { type: "string" },
  output: { type: "string" },
  "policy-pack": { type: "string" },
  config: { type: "string" },
  stack: { type: "string" },
  "policy-config": { type: "string" },
  "cannot-judge": { type: "string" },
  framework: { type: "string" },
  "fail-on": { type: "string" },
  "fail-on-unchecked": { type: "boolean" },
} as const;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** Kamae's version, from the package.json above this file (cli/ in the repository, dist/cli/ when installed). */
export function toolVersion(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync(pkg, "utf8")) as { name?: string; version?: string };
      if (json.name === "kamae" && json.version) return json.version;
    }
    const up = dirname(dir);
    if (up === dir) return "0.0.0";
    dir = up;
  }
}

/**
 * The stack config the engine would read: `Pulumi.<stack>.yaml` beside Pulumi.yaml, for `--stack`, or the only one
 * there is. Throws (exit 2) when `--stack` names a file that does not exist, or several exist and none is chosen.
 */
function defaultStackConfig(programDir: string, stack: string | undefined): string | undefined {
  if (!existsSync(programDir)) return undefined;
  const files = readdirSync(programDir).filter((f) => /^Pulumi\.[^.]+\.ya?ml$/.test(f));
  if (stack !== undefined) {
    const file = files.find((f) => f === `Pulumi.${stack}.yaml` || f === `Pulumi.${stack}.yml`);
    if (!file) throw new Error(`${programDir} has no Pulumi.${stack}.yaml: create it, or pass --config FILE`);
    return join(programDir, file);
  }
  if (files.length > 1) throw new Error(`${programDir} has several stack configs (${files.join(", ")}): choose one with --stack NAME`);
  return files.length === 1 ? join(programDir, files[0]) : undefined;
}

/** The `kamae` command. Returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version") {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  if (command === "policies") return listPolicies(rest, io);
  if (command === "check" && (rest.includes("--help") || rest.includes("-h"))) {
    io.stdout(USAGE);
    return 0;
  }
  if (command !== "check") {
    io.stderr(`kamae: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let values: Record<string, string | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: CHECK_OPTIONS,
    }) as { values: Record<string, string | undefined>; positionals: string[] });
  } catch (e) {
    io.stderr(`kamae check: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const format = (values.format ?? "table") as Format;
  if (!FORMATS.includes(format)) {
    io.stderr(`kamae check: --format must be one of ${FORMATS.join(", ")}, got "${values.format}"\n`);
    return 2;
  }
  const cannotJudge = values["cannot-judge"];
  if (cannotJudge !== undefined && !CANNOT_JUDGE_LEVELS.includes(cannotJudge as CannotJudgeLevel)) {
    io.stderr(`kamae check: --cannot-judge must be one of ${CANNOT_JUDGE_LEVELS.join(", ")}, got "${cannotJudge}"\n`);
    return 2;
  }
  const framework = values.framework;
  if (framework !== undefined && !FRAMEWORK_NAMES.includes(framework as FrameworkName)) {
    io.stderr(`kamae check: --framework must be one of ${FRAMEWORK_NAMES.join(", ")}, got "${framework}"\n`);
    return 2;
  }
  const failOn = values["fail-on"] as string | undefined;
  if (failOn !== undefined && !FAIL_ON.includes(failOn as FailOn)) {
    io.stderr(`kamae check: --fail-on must be one of ${FAIL_ON.join(", ")}, got "${failOn}"\n`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.stderr(`kamae check: expected one program directory, got ${positionals.length}\n\n${USAGE}`);
    return 2;
  }
  try {
    const report = await checkProgram(positionals[0], {
      policyPackDir: values["policy-pack"],
      stackConfigFile: values.config ?? defaultStackConfig(positionals[0], values.stack),
      policyConfigFile: values["policy-config"],
      ...(cannotJudge ? { cannotJudge: cannotJudge as CannotJudgeLevel } : {}),
      ...(framework ? { framework: framework as FrameworkName } : {}),
      ...(failOn ? { failOn: failOn as FailOn } : {}),
      // A boolean flag: parseArgs gives true when present.
      ...((values as Record<string, unknown>)["fail-on-unchecked"] === true ? { failOnUnchecked: true } : {}),
    });
    const text = render(report, format, toolVersion());
    if (values.output) {
      writeFileSync(values.output, text);
      io.stdout(renderTable(report));
    } else {
      io.stdout(text);
    }
    return failsCheck(report) ? 1 : 0;
  } catch (e) {
    const what = e instanceof ProgramError ? "the program failed" : "the check failed";
    io.stderr(`kamae check: ${what}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/** `kamae policies [--format table|json] [--framework …]`: the catalog with its control ids. */
function listPolicies(args: string[], io: Io): number {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ args, options: { format: { type: "string" }, framework: { type: "string" } } }) as { values: Record<string, string | undefined> });
  } catch (e) {
    io.stderr(`kamae policies: ${(e as Error).message}\n`);
    return 2;
  }
  const format = (values.format ?? "table") as PolicyFormat;
  if (!POLICY_FORMATS.includes(format)) {
    io.stderr(`kamae policies: --format must be one of ${POLICY_FORMATS.join(", ")}, got "${values.format}"\n`);
    return 2;
  }
  if (values.framework !== undefined && !FRAMEWORK_NAMES.includes(values.framework as FrameworkName)) {
    io.stderr(`kamae policies: --framework must be one of ${FRAMEWORK_NAMES.join(", ")}, got "${values.framework}"\n`);
    return 2;
  }
  io.stdout(renderPolicies(format, values.framework as FrameworkName | undefined));
  return 0;
}
