#!/usr/bin/env bash
# `make chart`: lints and renders charts/paas-operator with default and non-default values, validates every rendered
# object (and the renderers' golden files) against the Kubernetes schemas offline, proves the validator and
# values.schema.json can fail, and checks that the chart's CRDs and docs/installation.md are current.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
chart=charts/paas-operator
helm="$root/.tools/bin/helm"
validate=(node tools/kube-schemas/validate.mjs --crds crds)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
checks=0
pass() { checks=$((checks + 1)); echo "ok: $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

"$root/scripts/install-tools.sh"

# The chart's crds/ are copies of crds/ (which `make crds` generates and copies); Helm needs them inside the chart.
if ! diff -r crds "$chart/crds" >"$out/crds.diff"; then
  cat "$out/crds.diff" >&2
  fail "$chart/crds differs from crds/; run 'make crds' (or cp crds/*.yaml $chart/crds/) and commit both"
fi
pass "chart CRDs are identical to crds/"

"$helm" lint --strict "$chart" >/dev/null || "$helm" lint --strict "$chart"
"$helm" lint --strict "$chart" -f "$chart/ci/all-features-values.yaml" >/dev/null
pass "helm lint --strict, default and all-features values"

"$helm" template paas-operator "$chart" --namespace paas-system >"$out/default.yaml"
"$helm" template paas-operator "$chart" --namespace paas-system -f "$chart/ci/all-features-values.yaml" >"$out/all-features.yaml"
for kind in Certificate ServiceMonitor NetworkPolicy; do
  grep -q "^kind: $kind$" "$out/all-features.yaml" || fail "the all-features values render no $kind"
  ! grep -q "^kind: $kind$" "$out/default.yaml" || fail "the default values render a $kind"
done
grep -q -- "--webhook-cert-manager" "$out/all-features.yaml" || fail "cert-manager mode does not pass --webhook-cert-manager"
! grep -q "caBundle" "$out/default.yaml" || fail "the default values render a caBundle; the operator publishes it"
pass "helm template renders the optional objects only when asked"

"${validate[@]}" "$out/default.yaml" "$out/all-features.yaml"
pass "every rendered object is valid against the Kubernetes schemas"

mapfile -t golden < <(find tests -path '*/golden/*' -name '*.yaml' | sort)
[[ ${#golden[@]} -gt 0 ]] || fail "no golden files found under tests/*/golden"
"${validate[@]}" "${golden[@]}"
pass "the ${#golden[@]} golden files of the renderers are valid against the Kubernetes schemas"

"${validate[@]}" --expect-invalid tools/kube-schemas/testdata/invalid/*.yaml
pass "the validator rejects unknown fields, wrong types, missing required fields and unknown kinds"

# values.schema.json: a wrong value fails `helm install` with a message naming it.
expect_rejected() {
  local expected="$1"
  shift
  if "$helm" template paas-operator "$chart" "$@" >"$out/rejected.yaml" 2>"$out/rejected.err"; then
    fail "helm template $* succeeded; values.schema.json should reject it"
  fi
  grep -qF -- "$expected" "$out/rejected.err" || { cat "$out/rejected.err" >&2; fail "helm template $* did not say: $expected"; }
}
expect_rejected "settings.rendering.tls: Invalid type. Expected: boolean, given: string" --set settings.rendering.tls=maybe
expect_rejected "replicaCount: Must be greater than or equal to 1" --set replicaCount=0
expect_rejected "Additional property ingresClassName is not allowed" --set settings.rendering.ingresClassName=nginx
expect_rejected "logFormat: logFormat must be one of the following" --set logFormat=xml
expect_rejected "settings.dynoSizes.0: memory is required" --set "settings.dynoSizes[0].name=tiny"
expect_rejected "settings.builds.registry: Does not match pattern" --set settings.builds.registry=https://ghcr.io/acme
expect_rejected "webhook.timeoutSeconds: Must be less than or equal to 30" --set webhook.timeoutSeconds=60
pass "values.schema.json rejects wrong values with a message naming them"

node scripts/chart-values.mjs --check "$chart/values.yaml" docs/installation.md
pass "docs/installation.md lists every value of values.yaml"

echo "chart: $checks checks passed"
