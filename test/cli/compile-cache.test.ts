import { strict as assert } from "node:assert";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileCacheDir } from "../../cli/compile-cache";

// Where users have ids: the checks below are about other users' access.
const posix = typeof process.getuid === "function";

describe("kamae check's compile cache directory", () => {
  let parent: string;
  const own = () => join(parent, `kamae-compile-cache-${process.getuid!()}`);
  beforeEach(() => (parent = mkdtempSync(join(tmpdir(), "kamae-cache-test-"))));
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  (posix ? it : it.skip)("is made for this user alone, and found again", () => {
    const dir = compileCacheDir(parent);
    assert.equal(dir, own());
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(compileCacheDir(parent), dir);
  });

  (posix ? it : it.skip)("is not used when others can write to it (they could plant compiled code)", () => {
    mkdirSync(own(), { mode: 0o700 });
    chmodSync(own(), 0o777);
    assert.equal(compileCacheDir(parent), undefined);
    chmodSync(own(), 0o750);
    assert.equal(compileCacheDir(parent), undefined);
  });

  (posix ? it : it.skip)("is not used when its name is taken by a file or a link to somewhere else", () => {
    writeFileSync(own(), "");
    assert.equal(compileCacheDir(parent), undefined);
    rmSync(own());
    const elsewhere = join(parent, "elsewhere");
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, own());
    assert.equal(compileCacheDir(parent), undefined);
  });

  (posix ? it : it.skip)("is no cache, and no error, when it cannot be made", () => {
    chmodSync(parent, 0o500);
    try {
      // root may write anyway: then the directory it made must still be its own.
      const dir = compileCacheDir(parent);
      if (dir !== undefined) assert.equal(statSync(dir).mode & 0o777, 0o700);
    } finally {
      chmodSync(parent, 0o700);
    }
    assert.equal(compileCacheDir(join(parent, "missing", "deeper")), undefined);
  });
});
