#!/usr/bin/env bash
# Builds the Pulumi CLI from its Go modules into .cache/engine/bin/pulumi (skipped when that binary already reports
# the pinned version). `go install …/cmd/pulumi@v` refuses pkg/v3 because its go.mod has replace directives, so a
# throw-away wrapper module requires pkg/v3 and sdk/v3 at the same version, repeats their version-only replaces
# (the local `../sdk` one is dropped: sdk/v3 comes from the proxy at the same version) and builds the command with
# the version ldflag of Pulumi's own Makefile.
set -euo pipefail

PULUMI_VERSION="${KAMAE_PULUMI_VERSION:-v3.276.0}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ENGINE_DIR="$ROOT/.cache/engine"
BIN="$ENGINE_DIR/bin/pulumi"

if [[ -x "$BIN" ]] && [[ "$("$BIN" version 2>/dev/null)" == "$PULUMI_VERSION" ]]; then
  echo "pulumi $PULUMI_VERSION already built at $BIN"
  exit 0
fi

if ! command -v go >/dev/null; then
  # Locally the engine suite then skips (and says so); CI must run it.
  echo "build-pulumi: go is not on PATH: the Pulumi CLI cannot be built${CI:+ (required in CI)}" >&2
  [[ -n "${CI:-}" ]] && exit 1
  exit 0
fi
# pkg/go.mod asks for a recent Go; the machine's toolchain is used as is, never downloaded (see the env docs).
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
export GOFLAGS="${GOFLAGS:--mod=mod}"
export CGO_ENABLED=0

WRAP="$ENGINE_DIR/wrapper"
rm -rf "$WRAP"
mkdir -p "$WRAP" "$ENGINE_DIR/bin"
cd "$WRAP"

echo "build-pulumi: fetching pkg/v3 and sdk/v3 $PULUMI_VERSION module files ($(go version))"
PKG_MOD="$(go mod download -json "github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')"
SDK_MOD="$(go mod download -json "github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')"
GO_LINE="$(grep -m1 '^go ' "$PKG_MOD")"

# A replace is copied only when its target is a module at a version (`=> path vX`), not a local folder.
version_only_replaces() {
  awk '
    /^replace \(/ { block = 1; next }
    block && /^\)/ { block = 0; next }
    block { line = $0 } /^replace / && !block { line = $0; sub(/^replace /, "", line) }
    line != "" { n = split(line, f, /[ \t]+/); for (i = 1; i <= n; i++) if (f[i] == "=>") break;
                 if (n - i == 2) print f[1 + (f[1] == "")] " => " f[i+1] " " f[i+2]; line = "" }
  ' "$1"
}
{
  echo "module kamae.local/pulumi-cli"
  echo
  echo "$GO_LINE"
  echo
  echo "require ("
  echo "	github.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION"
  echo "	github.com/pulumi/pulumi/sdk/v3 $PULUMI_VERSION"
  echo ")"
  echo
  { version_only_replaces "$PKG_MOD"; version_only_replaces "$SDK_MOD"; } | awk '!seen[$1]++ { print "replace " $0 }'
} > go.mod
echo "build-pulumi: wrapper go.mod:"
sed 's/^/  /' go.mod

# Resolve the command's dependency graph (and go.sum) from pkg/v3's own requirements.
go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$PULUMI_VERSION"
START=$SECONDS
go build -o "$BIN.tmp" \
  -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
mv "$BIN.tmp" "$BIN"
echo "build-pulumi: built $("$BIN" version) at $BIN in $((SECONDS - START))s"
