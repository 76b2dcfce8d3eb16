// lambda-function-settings-check: Lambda functions use a runtime AWS still supports (FSBP Lambda.2) and, where config
// gives them, the timeout and memory size the deployed Config rule expects (it compares both, defaulting them to 3 s
// and 128 MB, so the catalog deploys it only with both given: see entries.ts). Container images are not judged.
import { all, requireIn, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

/** What Lambda gives a function that sets no timeout or memory size (Lambda Developer Guide, function configuration). */
const LAMBDA_DEFAULTS = { timeout: 3, memorySize: 128 } as const;

export default settingRule("lambda-function-settings-check", (p, config) => {
  if (p.packageType === "Image") return undefined;
  const runtime = isUnknown(p.runtime) ? UNKNOWN : config.deprecatedRuntimes.includes(p.runtime) ? `runs on the deprecated runtime ${p.runtime}: move to a supported version` : undefined;
  const expected = (key: "timeout" | "memorySize", unit: string) =>
    config[key] === undefined ? undefined : isUnknown(p[key]) ? UNKNOWN : requireIn(p[key], [config[key]], `has ${key} ${p[key] ?? LAMBDA_DEFAULTS[key]} ${unit} where ${config[key]} ${unit} is expected: set ${key} to ${config[key]}`, LAMBDA_DEFAULTS[key]);
  return all(runtime, expected("timeout", "s"), expected("memorySize", "MB"));
});
