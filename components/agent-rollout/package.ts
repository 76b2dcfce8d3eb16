import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "../shared/validation";

/**
 * Reading a custom SSM Distributor package from a local directory: `manifest.json` plus the zip files it names. The
 * manifest is checked the way SSM checks it at CreateDocument (and a few things SSM only finds at install time: a
 * missing file, a wrong checksum), so a broken package fails the preview instead of every instance's install.
 */

export interface PackageFile {
  /** File name, the attachment's name in the SSM document. */
  readonly name: string;
  readonly path: string;
  readonly sha256: string;
}

export interface LocalPackage {
  /** The manifest as the document content: checksums filled in from the files when missing. */
  readonly manifest: string;
  readonly version: string;
  readonly files: readonly PackageFile[];
}

const check: Validator = new Validator("AgentRollout");
const PLATFORMS = new Set(["_any", "amazon", "windows", "ubuntu", "redhat", "centos", "suse", "debian", "oracle", "darwin", "rocky", "almalinux"]);
const ARCHITECTURES = new Set(["_any", "x86_64", "arm64", "386", "i386", "amd64"]);
/** SSM's limit on attachments of one document version. */
export const MAX_ATTACHMENTS = 20;

function fail(dir: string, message: string): never {
  return check.fail(`custom package in ${dir}: ${message}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads and checks the package in `dir`; throws with a message naming the directory and the problem. */
export function readLocalPackage(dir: string): LocalPackage {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(dir, "the directory does not exist");
  const manifestPath = join(dir, "manifest.json");
  if (!existsSync(manifestPath)) fail(dir, "manifest.json is missing");
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (err) {
    fail(dir, `manifest.json is not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(manifest)) fail(dir, "manifest.json must be a JSON object");
  if (manifest.schemaVersion !== "2.0") fail(dir, `manifest schemaVersion must be "2.0", got ${JSON.stringify(manifest.schemaVersion)}`);
  const version = manifest.version;
  if (typeof version !== "string" || !/^[A-Za-z0-9_.-]{1,128}$/.test(version)) fail(dir, `manifest version must be 1-128 characters of letters, digits and _ . -, got ${JSON.stringify(version)}`);
  if (!isObject(manifest.packages) || Object.keys(manifest.packages).length === 0) fail(dir, "manifest packages is empty: name at least one platform");
  if (!isObject(manifest.files)) fail(dir, "manifest files is missing");

  const referenced = new Set<string>();
  for (const [platform, versions] of Object.entries(manifest.packages)) {
    if (!PLATFORMS.has(platform)) fail(dir, `unknown platform "${platform}" in packages (expected one of ${[...PLATFORMS].join(", ")})`);
    if (!isObject(versions)) fail(dir, `packages.${platform} must map platform versions to architectures`);
    for (const [platformVersion, arches] of Object.entries(versions)) {
      if (!isObject(arches)) fail(dir, `packages.${platform}.${platformVersion} must map architectures to files`);
      for (const [arch, entry] of Object.entries(arches)) {
        if (!ARCHITECTURES.has(arch)) fail(dir, `unknown architecture "${arch}" in packages.${platform}.${platformVersion}`);
        if (!isObject(entry) || typeof entry.file !== "string") fail(dir, `packages.${platform}.${platformVersion}.${arch} must be { "file": "<name>.zip" }`);
        referenced.add(entry.file);
      }
    }
  }

  const listed = manifest.files;
  const files: PackageFile[] = [];
  const filledFiles: Record<string, unknown> = {};
  for (const name of [...referenced].sort()) {
    if (!/^[A-Za-z0-9_.-]+\.zip$/.test(name)) fail(dir, `file "${name}" must be a .zip in the package directory (no paths)`);
    if (!(name in listed)) fail(dir, `file "${name}" is used by packages but not listed in files`);
    const path = join(dir, name);
    if (!existsSync(path) || !statSync(path).isFile()) fail(dir, `file "${name}" named in the manifest does not exist`);
    const sha256 = createHash("sha256").update(readFileSync(path)).digest("hex");
    const entry = listed[name];
    const declared = isObject(entry) && isObject(entry.checksums) ? entry.checksums.sha256 : undefined;
    if (declared !== undefined && String(declared).toLowerCase() !== sha256) fail(dir, `file "${name}" has sha256 ${sha256}, the manifest says ${String(declared)}`);
    files.push({ name, path, sha256 });
    filledFiles[name] = { ...(isObject(entry) ? entry : {}), checksums: { ...(isObject(entry) && isObject(entry.checksums) ? entry.checksums : {}), sha256 } };
  }
  for (const name of Object.keys(listed)) {
    if (!referenced.has(name)) fail(dir, `file "${name}" is listed in files but no package uses it`);
  }
  if (files.length > MAX_ATTACHMENTS) fail(dir, `${files.length} files; an SSM document takes at most ${MAX_ATTACHMENTS} attachments`);
  const stray = readdirSync(dir).filter((f) => f.endsWith(".zip") && !referenced.has(f));
  if (stray.length > 0) fail(dir, `zip files not named in the manifest: ${stray.sort().join(", ")} (remove them or add them to the manifest)`);

  return { manifest: JSON.stringify({ ...manifest, files: filledFiles }), version, files };
}
