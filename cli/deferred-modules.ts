/**
 * Modules @pulumi/pulumi loads on start that neither a program's registrations nor a policy pack need: its automation
 * API, and npm's arborist (which the runtime requires for finding the packages of a serialized function closure).
 * Loading them was about a third of a second of CPU in each process of `kamae check` that loads the SDK (the
 * program's and the pack's). Each is put in require's cache as a stand-in that loads the real module on first use, so
 * code that uses them sees the same exports.
 */
import Module from "node:module";
import { dirname } from "node:path";

/** Defers the unused modules of the @pulumi/pulumi that `fromDir` resolves. Call it before anything loads the SDK. */
export function deferUnusedSdkModules(fromDir: string): void {
  let sdkDir: string;
  try {
    sdkDir = dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [fromDir] }));
  } catch {
    return; // no SDK there: nothing to defer
  }
  for (const id of ["@pulumi/pulumi/automation/index.js", "@npmcli/arborist"]) {
    let file: string;
    try {
      file = require.resolve(id, { paths: [sdkDir] });
    } catch {
      continue; // an SDK version without it
    }
    if (!require.cache[file]) require.cache[file] = standIn(file);
  }
}

function standIn(file: string): NodeJS.Module {
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      delete require.cache[file];
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the deferred module, on first use
      real = require(file) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const exports = new Proxy(
    {},
    {
      get: (_, key) => {
        // Marked as an ES module, TypeScript's import helpers hand out the stand-in itself instead of copying (and so
        // loading) every export.
        if (key === "__esModule") return true;
        const mod = load();
        // For a CommonJS module, a default import is the module itself, as the helpers would have given it.
        if (key === "default" && !mod.__esModule && !("default" in mod)) return mod;
        return Reflect.get(mod, key);
      },
      has: (_, key) => key === "__esModule" || key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      // Configurable, as a proxy must say of what its (empty) target does not have.
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = exports;
  return module;
}
