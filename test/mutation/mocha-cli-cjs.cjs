// StrykerJS's mocha runner (10.1) requires mocha's CLI helpers by their pre-12 names (lib/cli/run-helpers); mocha 12
// ships them as .cjs files. Loaded with --require into Stryker's processes only, this resolves the old names.
const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  try {
    return resolve.call(this, request, ...rest);
  } catch (err) {
    if (/[\\/]mocha[\\/]lib[\\/]cli[\\/][\w-]+$/.test(request)) return resolve.call(this, `${request}.cjs`, ...rest);
    throw err;
  }
};
