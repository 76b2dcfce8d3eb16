#!/usr/bin/env bash
# Installs the AWS emulator (moto's server, pinned) into an ignored virtualenv, .cache/emulator/venv. Skipped when
# that venv already has the pinned version. The integration tests start it from there (test/integration/moto.ts).
set -euo pipefail

MOTO_VERSION="5.2.5"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/.cache/emulator/venv"
PY="${PYTHON:-python3}"

if [[ -x "$VENV/bin/python" ]] && [[ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null)" == "$MOTO_VERSION" ]]; then
  echo "moto $MOTO_VERSION already installed in $VENV"
  exit 0
fi
command -v "$PY" >/dev/null || { echo "install-moto: $PY is not on PATH" >&2; exit 1; }
rm -rf "$VENV"
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
echo "install-moto: moto $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))') in $VENV"
